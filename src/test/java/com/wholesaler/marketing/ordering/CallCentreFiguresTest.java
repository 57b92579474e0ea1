package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.IntegrationTest;

/**
 * The call-centre figures from calls and lists made by hand on two days of April 2027 for a clerk
 * of their own ("kpi1"), so that every count is known: the page, its workbook and who may see them.
 */
@IntegrationTest
class CallCentreFiguresTest {

	private static final LocalDate DAY = LocalDate.of(2027, 4, 7);
	private static final LocalDate NEXT = DAY.plusDays(1);

	@Autowired
	CallCentreFigures figures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	private static boolean made;
	private static String limited;
	private static String plain;

	@BeforeEach
	void twoDaysOfCalls() {
		if (made) {
			return;
		}
		made = true;
		List<String> retailers = jdbc.queryForList("SELECT code FROM retailer WHERE status = 'ACTIVE' ORDER BY code FETCH FIRST 6 ROWS ONLY", String.class);
		List<String> products = jdbc.queryForList("SELECT code FROM product WHERE status = 'ACTIVE' ORDER BY code DESC FETCH FIRST 2 ROWS ONLY", String.class);
		limited = products.get(0);
		plain = products.get(1);
		jdbc.update("""
				INSERT INTO shortage_case (case_number, product_code, started_by, status, valid_from, valid_to, note, created_at)
				VALUES ('SS-TEST-KPI', ?, 'supply', 'EXPIRED', ?, ?, '指標測試', CURRENT_TIMESTAMP)""", limited, DAY, DAY);
		jdbc.update("INSERT INTO allocation_limit (product_code, tier, limit_cartons, valid_from, valid_to, case_number) VALUES (?, 1, 9, ?, ?, 'SS-TEST-KPI')",
				limited, DAY, DAY);
		jdbc.update("INSERT INTO work_log (call_date, clerk, retailers, plan_cartons) VALUES (?, 'kpi1', 4, 40)", DAY);
		call(DAY, retailers.get(0), "CONNECTED", 120, limited, 5, plain, 7);
		call(DAY, retailers.get(1), "NO_ANSWER", 20);
		call(DAY, retailers.get(1), "CONNECTED", 100, plain, 8);
		call(DAY, retailers.get(2), "HUNG_UP", 30);
		jdbc.update("INSERT INTO work_log (call_date, clerk, retailers, plan_cartons) VALUES (?, 'kpi1', 2, 6)", NEXT);
		call(NEXT, retailers.get(4), "CONNECTED", 60, limited, 6);
	}

	private void call(LocalDate day, String retailer, String outcome, int seconds, Object... lines) {
		LocalDateTime start = day.atTime(10, 0);
		int cartons = 0;
		for (int i = 1; i < lines.length; i += 2) {
			cartons += (Integer) lines[i];
		}
		jdbc.update("""
				INSERT INTO phone_order (retailer_code, clerk, outcome, call_date, week_start, started_at, ended_at, payment_reminded,
				                         cartons, amount, recorded_at, call_seconds)
				VALUES (?, 'kpi1', ?, ?, ?, ?, ?, TRUE, ?, 0, ?, ?)""", retailer, outcome, day, OrderWeek.of(day),
				Timestamp.valueOf(start), Timestamp.valueOf(start.plusSeconds(seconds)), cartons, Timestamp.valueOf(start), seconds);
		long id = jdbc.queryForObject("SELECT MAX(id) FROM phone_order WHERE clerk = 'kpi1'", Long.class);
		for (int i = 0; i < lines.length; i += 2) {
			jdbc.update("INSERT INTO phone_order_line (order_id, product_code, cartons, unit_price, amount) VALUES (?, ?, ?, 0, 0)", id, lines[i], lines[i + 1]);
		}
	}

	@Test
	void eachFigureAsDefinedOnThePage() {
		CallCentreFigures.Report report = figures.report(DAY, DAY);
		assertThat(report.clerkDays()).hasSize(1);
		Figures f = report.clerkDays().get(0).figures();
		assertThat(f).isEqualTo(new Figures(4, 3, 2, 3, 2, 2, 20, 270, 220, 4, 40, 5));
		assertThat(f.connectRate()).isEqualTo(0.75);
		assertThat(f.successRate()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(f.averageOrderSeconds()).isEqualTo(110.0);
		assertThat(f.visitRate()).isEqualTo(0.75);
		assertThat(f.visitSuccessRate()).isEqualTo(0.5);
		assertThat(f.planRate()).isEqualTo(0.5);
		assertThat(f.secondsPerRetailer()).isEqualTo(90.0);
		assertThat(Figures.NONE.connectRate()).as("nothing to divide by").isNull();
	}

	@Test
	void aWeekIsTheSumOfItsDaysAndRatesComeFromTheSums() {
		CallCentreFigures.Report report = figures.report(DAY, NEXT);
		assertThat(report.clerkDays()).hasSize(2);
		assertThat(report.clerkWeeks()).singleElement().satisfies(w -> {
			assertThat(w.week()).isEqualTo(LocalDate.of(2027, 4, 5));
			assertThat(w.clerk()).isEqualTo("kpi1");
			// the limited product had its limit on the first day only: its cartons of the second day are not special
			assertThat(w.figures()).isEqualTo(new Figures(5, 4, 3, 4, 3, 3, 26, 330, 280, 6, 46, 5));
			assertThat(w.figures().visitSuccessRate()).isEqualTo(0.5);
		});
		assertThat(report.days()).extracting(CallCentreFigures.Row::day).containsExactly(DAY, NEXT);
		assertThat(report.total()).isEqualTo(report.clerkWeeks().get(0).figures());
	}

	@Test
	void thePageAndItsWorkbookForTheSeatLeaderOnly() throws Exception {
		MvcResult page = mvc.perform(get("/orders/kpi").param("from", "2027-04-07").param("to", "2027-04-07").with(as("seatlead", "seatLeader")))
				.andExpect(status().isOk()).andReturn();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("訪銷指標").contains("75.0%").contains("66.7%")
				.contains("1:50").contains("接通率").contains("工作日誌").contains("echarts.min.js");

		byte[] xlsx = mvc.perform(get("/orders/kpi.xlsx").param("from", "2027-04-07").param("to", "2027-04-08").with(as("orderhead", "orderDeptHead")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet days = book.getSheet("坐席每日");
			assertThat(days.getRow(0).getCell(0).getStringCellValue()).isEqualTo("日期");
			assertThat(days.getRow(0).getCell(4).getStringCellValue()).isEqualTo("接通率");
			assertThat(days.getPaneInformation().isFreezePane()).isTrue();
			assertThat(days.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(0.75);
			assertThat(days.getRow(1).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(book.getSheet("坐席每週").getRow(1).getCell(8).getNumericCellValue()).isEqualTo(26);
			assertThat(book.getSheet("指標定義").getRow(0).getCell(0).getStringCellValue()).isEqualTo("接通率");
		}

		mvc.perform(get("/orders/kpi").with(as("clerk1", "phoneClerk"))).andExpect(status().isForbidden());
		MvcResult badDate = mvc.perform(get("/orders/kpi").param("from", "4月7日").with(as("seatlead", "seatLeader")))
				.andExpect(status().isBadRequest()).andReturn();
		assertThat(badDate.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("格式不對").doesNotContain("Exception");
		mvc.perform(get("/orders/kpi").param("from", "2027-04-08").param("to", "2027-04-07").with(as("seatlead", "seatLeader")))
				.andExpect(status().isBadRequest());
	}

	@Test
	void theDaysOrdersForTheSeatLeaderAndAClerkTheirOwnOnly() throws Exception {
		assertThat(page("/orders/list?day=2027-04-07", as("seatlead", "seatLeader"))).contains("通話 4 次，接通 2 次，有訂單 2 筆，共 20 條")
				.contains("中途掛斷").contains("未接通");
		assertThat(page("/orders/list?day=2027-04-07&clerk=kpi1", as("orderhead", "orderDeptHead"))).contains("通話 4 次");
		// a clerk sees their own calls, whatever clerk the address names
		assertThat(page("/orders/list?day=2027-04-07&clerk=kpi1", as("clerk1", "phoneClerk"))).contains("通話 0 次");
		assertThat(page("/orders/list?day=2027-04-07&clerk=clerk1", as("kpi1", "phoneClerk"))).contains("通話 4 次");
		mvc.perform(get("/orders/list").with(as("supply", "supplyManager"))).andExpect(status().isForbidden());
		mvc.perform(get("/orders/list").param("day", "昨天").with(as("seatlead", "seatLeader"))).andExpect(status().isBadRequest());

		byte[] xlsx = mvc.perform(get("/orders/list.xlsx").param("day", "2027-04-07").with(as("seatlead", "seatLeader")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet calls = book.getSheetAt(0);
			assertThat(calls.getRow(0).getCell(0).getStringCellValue()).isEqualTo("訂單號");
			assertThat(calls.getPaneInformation().isFreezePane()).isTrue();
			assertThat(calls.getLastRowNum()).isEqualTo(4);
			assertThat(calls.getRow(1).getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			double cartons = 0;
			for (int r = 1; r <= 4; r++) {
				cartons += calls.getRow(r).getCell(8).getNumericCellValue();
			}
			assertThat(cartons).isEqualTo(20);
		}
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static RequestPostProcessor as(String user, String group) {
		return user(user).authorities(() -> group);
	}
}
