package com.wholesaler.marketing.salesplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.IntegrationTest;

/**
 * The split table in Excel: downloaded with a row per product and a column per unit, changed and imported
 * by the general administrator; a file with one bad row (not adding up, an unknown product, not a number)
 * is refused whole with HTTP 400 and nothing changes. The plan is written here in SQL; rolled back.
 */
@IntegrationTest
@Transactional
class SplitSheetTest {

	static final String PLAN = "SP-2031-07";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SalesPlans plans;

	List<String> products;

	@BeforeEach
	void aPlanBeingSplit() {
		jdbc.update("""
				INSERT INTO sales_plan (plan_number, plan_month, status, drafter, basis, version, created_at)
				VALUES (?, '2031-07', 'SPLITTING', 'brandhead', '測試', 3, ?)""", PLAN, Timestamp.valueOf(LocalDateTime.now()));
		products = jdbc.queryForList("SELECT code FROM product WHERE status = 'ACTIVE' ORDER BY code FETCH FIRST 3 ROWS ONLY", String.class);
		for (String p : products) {
			jdbc.update("INSERT INTO sales_plan_line (plan_number, product_code, last_year, proposed, planned, capped) VALUES (?, ?, 0, 500, 500, FALSE)",
					PLAN, p);
			jdbc.update("INSERT INTO sales_plan_split (plan_number, product_code, unit_code, cartons) VALUES (?, ?, 'R01', 500)", PLAN, p);
		}
	}

	@Test
	void downloadedChangedAndImported() throws Exception {
		byte[] file = download();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = book.getSheet("分解");
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("城東區域市場部");
			assertThat(sheet.getRow(0).getCell(11).getStringCellValue()).isEqualTo("集團客戶部");
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo(products.get(0));
			assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(500);
			assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(500);
			assertThat(first.getCell(4).getNumericCellValue()).isZero();
		}
		byte[] changed = edit(file, Map.of(1, new double[] {480, 20}));
		assertThat(importing(changed, "genadmin", "generalAdmin")).isEqualTo(302);
		assertThat(plans.split(PLAN).get(products.get(0))).containsEntry("R01", 480).containsEntry("R02", 20);
		assertThat(plans.unequalSplits(PLAN)).isEmpty();
	}

	@Test
	void oneBadRowRefusesTheWholeFile() throws Exception {
		byte[] file = download();
		// row 1 fine, row 2 adds up to 510 instead of 500
		byte[] bad = edit(file, Map.of(1, new double[] {480, 20}, 2, new double[] {500, 10}));
		assertThat(importing(bad, "genadmin", "generalAdmin")).isEqualTo(400);
		assertThat(lastError).contains("第 3 行").contains("不等於計畫量 500 條");
		assertThat(plans.split(PLAN).get(products.get(0))).as("nothing imported").containsEntry("R01", 500);
		assertThat(importing(edit(file, Map.of(1, new double[] {-5, 505})), "genadmin", "generalAdmin")).isEqualTo(400);
		assertThat(lastError).contains("應為不小於 0 的整數");
		assertThat(importing("not a workbook".getBytes(StandardCharsets.UTF_8), "genadmin", "generalAdmin")).isEqualTo(400);
		assertThat(lastError).contains("無法讀取這個檔案");
		assertThat(importing(file, "brandhead", "brandPlanningHead")).as("only the general administrator").isEqualTo(400);
		assertThat(lastError).contains("綜合管理員分解");
		assertThat(plans.split(PLAN).get(products.get(0))).containsEntry("R01", 500);
	}

	private String lastError;

	private byte[] download() throws Exception {
		return mvc.perform(get("/sales-plans/" + PLAN + "/split.xlsx").with(user("genadmin").authorities(() -> "generalAdmin")))
				.andReturn().getResponse().getContentAsByteArray();
	}

	/** Sets R01 and R02 of the given rows. */
	private static byte[] edit(byte[] file, Map<Integer, double[]> rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheet("分解");
			rows.forEach((r, v) -> {
				sheet.getRow(r).getCell(3).setCellValue(v[0]);
				sheet.getRow(r).getCell(4).setCellValue(v[1]);
			});
			book.write(out);
			return out.toByteArray();
		}
	}

	private int importing(byte[] file, String who, String group) throws Exception {
		var response = mvc.perform(multipart("/sales-plans/" + PLAN + "/split.xlsx")
				.file(new MockMultipartFile("file", "split.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
				.with(user(who).authorities(() -> group)).with(csrf())).andReturn().getResponse();
		lastError = response.getContentAsString(StandardCharsets.UTF_8);
		return response.getStatus();
	}
}
