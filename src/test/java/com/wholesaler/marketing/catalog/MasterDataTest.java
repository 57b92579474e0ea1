package com.wholesaler.marketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.IntegrationTest;

/**
 * 基礎資料匯入: a workbook adds a region, a manufacturer, a product (with its price history and stock row)
 * and a retailer, and updates an existing product's name; a file with one bad row, a price or a class
 * changed outside their processes, or a user who is not the general administrator changes nothing (400).
 * Rolled back.
 */
@IntegrationTest
@Transactional
class MasterDataTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aWorkbookAddsAndUpdatesAndABadOneChangesNothing() throws Exception {
		Map<String, Object> p1 = jdbc.queryForMap("SELECT * FROM product WHERE code = 'P0001'");
		String m01Class = jdbc.queryForObject("SELECT service_class FROM manufacturer WHERE code = 'M01'", String.class);
		byte[] good = book(List.<String[]>of(new String[] {"R99", "測試區域市場部"}), List.<String[]>of(new String[] {"M99", "測試捲菸廠", "測試", "C"}),
				List.<String[]>of(new String[] {"PX001", "測試煙(硬)", "測試煙", "M99", "50", "68", "76", "ACTIVE"},
						new String[] {"P0001", "中華(硬)新名", (String) p1.get("BRAND"), (String) p1.get("MANUFACTURER_CODE"),
								p1.get("ALLOCATION_PRICE").toString(), p1.get("WHOLESALE_PRICE").toString(), p1.get("RETAIL_PRICE").toString(), "ACTIVE"}),
				List.<String[]>of(new String[] {"RX00001", "測試便利店", "R99", "URBAN", "12", "ACTIVE"}));
		assertThat(upload(good, "genadmin", "generalAdmin")).isEqualTo(302);
		assertThat(jdbc.queryForObject("SELECT name FROM product WHERE code = 'P0001'", String.class)).isEqualTo("中華(硬)新名");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product_price WHERE product_code = 'PX001'", Long.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT on_hand FROM stock WHERE product_code = 'PX001'", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT region_code FROM retailer WHERE code = 'RX00001'", String.class)).isEqualTo("R99");

		long products = jdbc.queryForObject("SELECT COUNT(*) FROM product", Long.class);
		byte[] bad = book(List.<String[]>of(), List.<String[]>of(), List.<String[]>of(new String[] {"PX002", "另一個", "測試煙", "M77", "50", "68", "76", "ACTIVE"}),
				List.<String[]>of(new String[] {"RX00002", "另一家", "R99", "URBAN", "31", "ACTIVE"}));
		assertThat(upload(bad, "genadmin", "generalAdmin")).isEqualTo(400);
		assertThat(lastBody).contains("捲菸規格 第 2 行：工業企業 M77 不存在").contains("零售客戶 第 2 行：檔位應為 1 至 30");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product", Long.class)).isEqualTo(products);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retailer WHERE code = 'RX00002'", Long.class)).isZero();

		byte[] price = book(List.<String[]>of(), List.<String[]>of(), List.<String[]>of(new String[] {"PX001", "測試煙(硬)", "測試煙", "M99", "55", "68", "76", "ACTIVE"}), List.<String[]>of());
		assertThat(upload(price, "genadmin", "generalAdmin")).isEqualTo(400);
		assertThat(lastBody).contains("價格只能經調價流程修改");
		String other = m01Class.equals("A") ? "B" : "A";
		assertThat(upload(book(List.<String[]>of(), List.<String[]>of(new String[] {"M01", "上海", "上海", other}), List.<String[]>of(), List.<String[]>of()), "genadmin", "generalAdmin"))
				.isEqualTo(400);
		assertThat(lastBody).contains("分類只能經分類調整流程修改");
		assertThat(upload(good, "supply", "supplyManager")).isEqualTo(400);
		assertThat(lastBody).contains("綜合管理員匯入");
		assertThat(upload("not a workbook".getBytes(StandardCharsets.UTF_8), "genadmin", "generalAdmin")).isEqualTo(400);
	}

	private String lastBody;

	private int upload(byte[] file, String who, String group) throws Exception {
		var response = mvc.perform(multipart("/master-data").file(new MockMultipartFile("file", "data.xlsx", "application/octet-stream", file))
				.with(user(who).authorities(() -> group)).with(csrf())).andReturn().getResponse();
		lastBody = response.getContentAsString(StandardCharsets.UTF_8);
		return response.getStatus();
	}

	private static byte[] book(List<String[]> regions, List<String[]> makers, List<String[]> products, List<String[]> retailers) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			sheet(book, MasterDataWorkbook.REGIONS, MasterDataWorkbook.REGION_HEADER, regions);
			sheet(book, MasterDataWorkbook.MANUFACTURERS, MasterDataWorkbook.MANUFACTURER_HEADER, makers);
			sheet(book, MasterDataWorkbook.PRODUCTS, MasterDataWorkbook.PRODUCT_HEADER, products);
			sheet(book, MasterDataWorkbook.RETAILERS, MasterDataWorkbook.RETAILER_HEADER, retailers);
			book.write(out);
			return out.toByteArray();
		}
	}

	private static void sheet(XSSFWorkbook book, String name, List<String> header, List<String[]> rows) {
		Sheet sheet = book.createSheet(name);
		Row head = sheet.createRow(0);
		for (int c = 0; c < header.size(); c++) {
			head.createCell(c).setCellValue(header.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r + 1);
			for (int c = 0; c < rows.get(r).length; c++) {
				row.createCell(c).setCellValue(rows.get(r)[c]);
			}
		}
	}
}
