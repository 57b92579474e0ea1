package com.wholesaler.marketing.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.PriceClass;

/**
 * The reports' figures on a small fixture of their own (March 2021, long before the demo's history):
 * two products of a brand of their own with stock, arrivals and sales this year and last, three
 * retailers' orders and unmet demand. The expected figures are worked out by hand or counted here in
 * SQL, never by the code under test. Everything is rolled back after each test.
 */
@IntegrationTest
@Transactional
class ReportFiguresTest {

	static final LocalDate MARCH_1 = LocalDate.of(2021, 3, 1);
	static final ReportPeriod MARCH = new ReportPeriod(MARCH_1, LocalDate.of(2021, 3, 31));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PurchasesSalesStock ledger;

	@Autowired
	StockCover cover;

	@Autowired
	SupplyStates supply;

	@Autowired
	DemandByTierAndRegion demand;

	@Autowired
	BrandSales brands;

	@Autowired
	RetailerSegments retailers;

	List<String> shops;

	@BeforeEach
	void fixture() {
		jdbc.update("INSERT INTO manufacturer (code, name, province, service_class) VALUES ('MZZ', '測試捲菸廠', '測試', 'C')");
		// ZA: class 2 (allocation 80), ZB: class 4 (allocation 20), ZC: on sale, never sold
		product("PZ01", "測試甲(硬)", "測試甲", "80.00", "110.00");
		product("PZ02", "測試乙(軟)", "測試乙", "20.00", "28.00");
		product("PZ03", "測試丙(新品)", "測試丙", "50.00", "70.00");
		stock("PZ01", 100, 0);
		stock("PZ02", 60, 10);
		stock("PZ03", 40, 0);
		sale("PZ01", "2021-03-05", 10);
		sale("PZ01", "2021-03-20", 5);
		sale("PZ01", "2021-04-02", 7);
		sale("PZ01", "2020-03-10", 12);
		arrival("PZ01", "2021-03-10", 30);
		arrival("PZ01", "2021-04-05", 20);
		arrival("PZ01", "2020-03-02", 9);
		sale("PZ02", "2021-03-31", 40);
		sale("PZ02", "2021-02-26", 4);
		shops = jdbc.queryForList("SELECT code FROM retailer WHERE status = 'ACTIVE' ORDER BY code FETCH FIRST 3 ROWS ONLY", String.class);
	}

	@Test
	void purchasesSalesStockHoldsOpeningPlusPurchasesLessSalesByHand() {
		PurchasesSalesStock.Line zz01 = line(ledger.of(MARCH, Grouping.PRODUCT), "PZ01");
		// closing = today's 100 − 20 arrived since + 7 sold since; opening = 87 − 30 + 15
		assertThat(zz01.closing()).isEqualTo(87);
		assertThat(zz01.opening()).isEqualTo(72);
		assertThat(zz01.purchases()).isEqualTo(30);
		assertThat(zz01.sales()).isEqualTo(15);
		assertThat(zz01.salesLastYear()).isEqualTo(12);
		assertThat(zz01.purchasesLastYear()).isEqualTo(9);
		assertThat(zz01.salesGrowth()).isEqualTo(0.25);
		assertThat(zz01.salesAmount()).isEqualByComparingTo("1650.00");
		// PZ02: 60 − 10 held by confirmed orders = 50 now; nothing arrived; 40 sold on the last day
		PurchasesSalesStock.Line zz02 = line(ledger.of(MARCH, Grouping.PRODUCT), "PZ02");
		assertThat(zz02.closing()).isEqualTo(50);
		assertThat(zz02.opening()).isEqualTo(90);
		assertThat(zz02.salesGrowth()).isNull();

		PurchasesSalesStock.Line brand = line(ledger.of(MARCH, Grouping.BRAND), "測試甲");
		assertThat(brand.sales()).isEqualTo(15);
		PurchasesSalesStock.Line maker = line(ledger.of(MARCH, Grouping.MANUFACTURER), "MZZ");
		assertThat(maker.sales()).isEqualTo(55);
		assertThat(maker.closing()).isEqualTo(87 + 50 + 40);
		assertThat(maker.label()).isEqualTo("測試捲菸廠");
	}

	@Test
	void theClassRowsAndTheTotalAgreeWithSqlOverTheWholeCatalog() {
		LocalDate to = MARCH.to();
		PurchasesSalesStock.Report byClass = ledger.of(MARCH, Grouping.PRICE_CLASS);
		// class 2 by its allocation-price bounds, counted here: today's free stock less arrivals since plus sales since
		long closingClass2 = jdbc.queryForObject("""
				SELECT SUM(s.on_hand - s.reserved)
				     - COALESCE((SELECT SUM(a.cartons) FROM daily_arrivals a JOIN product q ON q.code = a.product_code
				                 WHERE a.arrival_date > ? AND q.allocation_price >= 70 AND q.allocation_price < 100), 0)
				     + COALESCE((SELECT SUM(d.cartons) FROM daily_sales d JOIN product q ON q.code = d.product_code
				                 WHERE d.sales_date > ? AND q.allocation_price >= 70 AND q.allocation_price < 100), 0)
				FROM stock s JOIN product p ON p.code = s.product_code WHERE p.allocation_price >= 70 AND p.allocation_price < 100""",
				Long.class, to, to);
		assertThat(line(byClass, String.valueOf(PriceClass.CLASS_2.number())).closing()).isEqualTo(closingClass2);
		assertThat(line(byClass, String.valueOf(PriceClass.CLASS_2.number())).label()).isEqualTo("二類");
		long sold = jdbc.queryForObject("SELECT SUM(cartons) FROM daily_sales WHERE sales_date BETWEEN ? AND ?", Long.class,
				MARCH.from(), MARCH.to());
		assertThat(byClass.total().sales()).isEqualTo(sold).isEqualTo(55);
		assertThat(byClass.lines()).extracting(PurchasesSalesStock.Line::key).containsExactly("1", "2", "3", "4", "5");
	}

	@Test
	void theWeeklyCoverIsTheWeeksEndStockOverItsDailySales() {
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		// an order taken today for a later day: its cartons left the stock after every day of the period too
		sale("PZ01", today.plusDays(5).toString(), 30);
		StockCover.Report report = cover.of(MARCH, Grouping.PRICE_CLASS, today);
		assertThat(report.weeks()).extracting(StockCover.Week::end).containsExactly(LocalDate.of(2021, 3, 7),
				LocalDate.of(2021, 3, 14), LocalDate.of(2021, 3, 21), LocalDate.of(2021, 3, 28), LocalDate.of(2021, 3, 31));
		// class 2 at the end of 7 March, counted here: today's free stock less what arrived since plus what was sold since;
		// in that week only PZ01 sold, 10 cartons in 7 days
		LocalDate sunday = LocalDate.of(2021, 3, 7);
		long class2Stock = jdbc.queryForObject("""
				SELECT SUM(s.on_hand - s.reserved)
				     - COALESCE((SELECT SUM(a.cartons) FROM daily_arrivals a JOIN product q ON q.code = a.product_code
				                 WHERE a.arrival_date > ? AND q.allocation_price >= 70 AND q.allocation_price < 100), 0)
				     + COALESCE((SELECT SUM(d.cartons) FROM daily_sales d JOIN product q ON q.code = d.product_code
				                 WHERE d.sales_date > ? AND q.allocation_price >= 70 AND q.allocation_price < 100), 0)
				FROM stock s JOIN product p ON p.code = s.product_code WHERE p.allocation_price >= 70 AND p.allocation_price < 100""",
				Long.class, sunday, sunday);
		StockCover.Point firstWeek = report.weeks().get(0).perClass().get(PriceClass.CLASS_2);
		assertThat(firstWeek.stock()).isEqualTo(class2Stock);
		assertThat(firstWeek.sales()).isEqualTo(10);
		assertThat(firstWeek.coverDays()).isEqualTo(class2Stock / (10 / 7.0));
		// the short last week (29-31 March): PZ02's 40 sold on the 31st, in class 4
		StockCover.Point lastWeek = report.weeks().get(4).perClass().get(PriceClass.CLASS_4);
		assertThat(lastWeek.days()).isEqualTo(3);
		assertThat(lastWeek.sales()).isEqualTo(40);
		assertThat(lastWeek.coverDays()).isEqualTo(lastWeek.stock() / (40 / 3.0));
		assertThat(report.lines().total().stockToSales(31)).isEqualTo(report.lines().total().closing() / (55 * 30.0 / 31));
	}

	@Test
	void aPeriodReachingPastTodayKeepsTodaysStockToItsEnd() {
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		StockCover.Report report = cover.of(new ReportPeriod(today.minusDays(3), today.plusDays(10)), Grouping.PRICE_CLASS, today);
		StockCover.Week last = report.weeks().get(report.weeks().size() - 1);
		assertThat(last.end()).isEqualTo(today.plusDays(10));
		// today's free stock, taken back through anything dated after the period's end (orders taken for a later day)
		long atEnd = jdbc.queryForObject("""
				SELECT SUM(on_hand - reserved)
				     + COALESCE((SELECT SUM(cartons) FROM daily_sales WHERE sales_date > ?), 0)
				     - COALESCE((SELECT SUM(cartons) FROM daily_arrivals WHERE arrival_date > ?), 0)
				FROM stock""", Long.class, today.plusDays(10), today.plusDays(10));
		assertThat(last.total().stock()).isEqualTo(atEnd);
	}

	@Test
	void theSupplyStateFollowsItsRule() {
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		for (int d = 1; d <= 20; d++) {
			sale("PZ02", today.minusDays(d).toString(), 5);
		}
		// PZ02: 100 sold in 28 days and 10 asked beyond the stock: 9 % unmet, tight
		jdbc.update("INSERT INTO unmet_demand (call_date, retailer_code, product_code, reason, cartons, recorded_by) VALUES (?, ?, 'PZ02', 'STOCK', 10, 'clerk1')",
				today.minusDays(3), shops.get(0));
		List<ProductSupply> states = supply.today(today);
		assertThat(state(states, "PZ02")).isEqualTo(SupplyState.TIGHT);
		assertThat(state(states, "PZ03")).as("never sold").isEqualTo(SupplyState.NEW);
		assertThat(state(states, "PZ01")).as("nothing asked, nothing unmet, sold since 2020").isEqualTo(SupplyState.FULLY_MET);
		assertThat(states).filteredOn(p -> p.code().equals("PZ02")).singleElement()
				.satisfies(p -> assertThat(p.unmetShare()).isEqualTo(10 / 110.0));
		long onSale = jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE status = 'ACTIVE'", Long.class);
		assertThat(states).hasSize((int) onSale);
		assertThat(states.get(0).state()).as("tight first").isEqualTo(SupplyState.TIGHT);
	}

	@Test
	void demandByTierAndRegionCountsOrdersAndUnmetDemand() {
		order(shops.get(0), "2021-03-02", "PZ01", 4, "440.00");
		order(shops.get(1), "2021-03-03", "PZ01", 6, "660.00");
		jdbc.update("INSERT INTO unmet_demand (call_date, retailer_code, product_code, reason, cartons, recorded_by) VALUES (?, ?, 'PZ01', 'LIMIT', 3, 'clerk1')",
				LocalDate.of(2021, 3, 2), shops.get(0));
		jdbc.update("INSERT INTO unmet_demand (call_date, retailer_code, product_code, reason, cartons, recorded_by) VALUES (?, ?, 'PZ02', 'STOCK', 8, 'clerk1')",
				LocalDate.of(2021, 3, 2), shops.get(2));
		DemandByTierAndRegion.Report all = demand.of(MARCH, null);
		assertThat(all.total().ordered()).isEqualTo(10);
		assertThat(all.total().amount()).isEqualByComparingTo("1100.00");
		assertThat(all.total().beyondLimit()).isEqualTo(3);
		assertThat(all.total().beyondStock()).isEqualTo(8);
		assertThat(all.total().retailersOrdering()).isEqualTo(2);
		long active = jdbc.queryForObject("SELECT COUNT(*) FROM retailer WHERE status = 'ACTIVE'", Long.class);
		assertThat(all.total().retailersActive()).isEqualTo(active);
		int tier = jdbc.queryForObject("SELECT tier FROM retailer WHERE code = ?", Integer.class, shops.get(0));
		long inTier = jdbc.queryForObject("SELECT COUNT(*) FROM retailer WHERE status = 'ACTIVE' AND tier = ?", Long.class, tier);
		DemandByTierAndRegion.Demand row = all.byTier().stream().filter(d -> d.key().equals(String.valueOf(tier))).findFirst().orElseThrow();
		assertThat(row.retailersActive()).isEqualTo(inTier);
		assertThat(row.beyondLimit()).isEqualTo(3);
		assertThat(all.byTier().stream().mapToLong(DemandByTierAndRegion.Demand::ordered).sum()).isEqualTo(10);
		assertThat(all.byRegion().stream().mapToLong(DemandByTierAndRegion.Demand::unmet).sum()).isEqualTo(11);
		assertThat(all.byRegion()).hasSize(8);

		DemandByTierAndRegion.Report justZ2 = demand.of(MARCH, "PZ02");
		assertThat(justZ2.total().ordered()).isZero();
		assertThat(justZ2.total().beyondStock()).isEqualTo(8);
		assertThat(justZ2.total().metShare()).isEqualTo(0.0);
	}

	@Test
	void brandsAreRankedWithTheirGrowthAndClassShares() {
		BrandSales.Report report = brands.of(MARCH);
		assertThat(report.brands()).extracting(BrandSales.Brand::brand).containsExactly("測試乙", "測試甲");
		assertThat(report.brands().get(0).share()).isEqualTo(40 / 55.0);
		assertThat(report.brands().get(1).growth()).isEqualTo(0.25);
		assertThat(report.brands().get(1).amount()).isEqualByComparingTo("1650.00");
		assertThat(report.classShares()).extracting(BrandSales.ClassShare::share).containsOnly(1.0);
	}

	@Test
	void retailersFallIntoValueAndFrequencyBandsAndTheOneThatStoppedIsDrifting() {
		// A orders every Monday; B twice early in the month, then stops; C once, late
		for (String day : List.of("2021-03-01", "2021-03-08", "2021-03-15", "2021-03-22", "2021-03-29")) {
			order(shops.get(0), day, "PZ01", 10, "1100.00");
		}
		order(shops.get(1), "2021-03-02", "PZ01", 5, "550.00");
		order(shops.get(1), "2021-03-09", "PZ01", 5, "550.00");
		order(shops.get(2), "2021-03-25", "PZ02", 2, "56.00");
		RetailerSegments.Report report = retailers.of(MARCH);
		assertThat(report.weeks()).isEqualTo(5);
		assertThat(report.ordering()).isEqualTo(3);
		assertThat(segment(report, RetailerSegments.Value.HIGH, RetailerSegments.Frequency.WEEKLY).retailers()).isEqualTo(1);
		assertThat(segment(report, RetailerSegments.Value.MIDDLE, RetailerSegments.Frequency.OFTEN).retailers()).isEqualTo(1);
		assertThat(segment(report, RetailerSegments.Value.LOW, RetailerSegments.Frequency.SELDOM).retailers()).isEqualTo(1);
		assertThat(segment(report, RetailerSegments.Value.NONE, RetailerSegments.Frequency.NEVER).retailers())
				.isEqualTo(report.active() - 3);
		assertThat(report.drifting()).extracting(RetailerSegments.RetailerOrders::code).containsExactly(shops.get(1));
		assertThat(report.drifting().get(0).change()).isEqualTo(-1.0);
	}

	@Test
	void thePurchasesSalesStockWorkbookReadsBackCellByCell() throws Exception {
		MvcResult result = mvc.perform(get("/reports/purchases-sales-stock.xlsx").param("month", "2021-03").with(director()))
				.andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("filename*=UTF-8''").contains(".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheet("購銷存");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			Row head = sheet.getRow(0);
			assertThat(head.getCell(0).getStringCellValue()).isEqualTo("規格");
			assertThat(head.getCell(1).getStringCellValue()).isEqualTo("期初庫存（條）");
			assertThat(head.getCell(8).getStringCellValue()).isEqualTo("銷售同比");
			assertThat(sheet.getColumnWidth(0)).isEqualTo(18 * 2 * 256);
			// best-selling first: PZ02 (40), then PZ01 (15)
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("PZ02 測試乙(軟)");
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getStringCellValue()).isEqualTo("PZ01 測試甲(硬)");
			assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(72);
			assertThat(second.getCell(2).getNumericCellValue()).isEqualTo(30);
			assertThat(second.getCell(3).getNumericCellValue()).isEqualTo(15);
			assertThat(second.getCell(4).getNumericCellValue()).isEqualTo(87);
			assertThat(second.getCell(5).getNumericCellValue()).isEqualTo(1650.0);
			assertThat(second.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(second.getCell(6).getNumericCellValue()).isEqualTo(9);
			assertThat(second.getCell(7).getNumericCellValue()).isEqualTo(12);
			assertThat(second.getCell(8).getNumericCellValue()).isEqualTo(0.25);
			assertThat(second.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			Row total = sheet.getRow(sheet.getLastRowNum());
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合計");
			long rows = jdbc.queryForObject("SELECT COUNT(*) FROM product", Long.class);
			assertThat(sheet.getLastRowNum()).as("every product with stock or movement, and the total").isLessThanOrEqualTo((int) rows + 1);
		}
	}

	@Test
	void everyReportPageAndWorkbookAnswersAndBadFieldsGet400() throws Exception {
		for (String page : List.of("/reports", "/reports/purchases-sales-stock?month=2021-03&by=brand", "/reports/stock-cover?month=2021-03",
				"/reports/supply-state", "/reports/supply-state?state=TIGHT", "/reports/demand?month=2021-03&product=PZ01",
				"/reports/brands?month=2021-03", "/reports/retailers?month=2021-03")) {
			String html = mvc.perform(get(page).with(director())).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(page).contains("統計報表");
		}
		for (String workbook : List.of("/reports/stock-cover.xlsx?month=2021-03", "/reports/supply-state.xlsx",
				"/reports/demand.xlsx?month=2021-03", "/reports/brands.xlsx?month=2021-03", "/reports/retailers.xlsx?month=2021-03")) {
			byte[] body = mvc.perform(get(workbook).with(director())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				assertThat(book.getNumberOfSheets()).as(workbook).isPositive();
			}
		}
		for (String bad : List.of("/reports/purchases-sales-stock?month=2021-13", "/reports/purchases-sales-stock?from=2021-03-10&to=2021-03-01",
				"/reports/brands?from=2020-01-01&to=2021-06-01", "/reports/stock-cover?by=colour", "/reports/demand?product=沒有這種煙",
				"/reports/supply-state?state=PLENTY", "/reports/retailers?from=yesterday", "/reports/brands?month=2999-01")) {
			String html = mvc.perform(get(bad).with(director())).andExpect(status().isBadRequest()).andReturn().getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(bad).containsPattern("[\\u4e00-\\u9fff]").doesNotContain("Exception");
		}
	}

	@Test
	void onlyTheCentersStaffSeeTheReports() throws Exception {
		mvc.perform(get("/reports/brands").with(user("clerk1").authorities(() -> "phoneClerk"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/brands.xlsx").with(user("regional1").authorities(() -> "regionalMarketing"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/brands").with(user("brandmgr").authorities(() -> "brandManager"))).andExpect(status().isOk());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor director() {
		return user("director").authorities(() -> "centerDirector");
	}

	private void product(String code, String name, String brand, String allocation, String wholesale) {
		jdbc.update("""
				INSERT INTO product (code, name, brand, manufacturer_code, allocation_price, wholesale_price, retail_price, status)
				VALUES (?, ?, ?, 'MZZ', ?, ?, ?, 'ACTIVE')""", code, name, brand, new BigDecimal(allocation), new BigDecimal(wholesale),
				new BigDecimal(wholesale).multiply(new BigDecimal("1.12")));
	}

	private void stock(String code, int onHand, int reserved) {
		jdbc.update("INSERT INTO stock (product_code, on_hand, in_transit, warning_days, reserved) VALUES (?, ?, 0, 7, ?)", code, onHand, reserved);
	}

	private void sale(String code, String day, int cartons) {
		jdbc.update("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, ?)", code, LocalDate.parse(day), cartons);
	}

	private void arrival(String code, String day, int cartons) {
		jdbc.update("INSERT INTO daily_arrivals (product_code, arrival_date, cartons) VALUES (?, ?, ?)", code, LocalDate.parse(day), cartons);
	}

	private void order(String retailer, String day, String product, int cartons, String amount) {
		LocalDate date = LocalDate.parse(day);
		Timestamp at = Timestamp.valueOf(LocalDateTime.of(date, java.time.LocalTime.of(10, 0)));
		jdbc.update("""
				INSERT INTO phone_order (retailer_code, clerk, outcome, call_date, week_start, started_at, ended_at, payment_reminded,
				                         cartons, amount, recorded_at)
				VALUES (?, 'clerk1', 'CONNECTED', ?, ?, ?, ?, TRUE, ?, ?, ?)""", retailer, date,
				date.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), at, at, cartons,
				new BigDecimal(amount), at);
		long id = jdbc.queryForObject("SELECT MAX(id) FROM phone_order WHERE retailer_code = ?", Long.class, retailer);
		jdbc.update("INSERT INTO phone_order_line (order_id, product_code, cartons, unit_price, amount) VALUES (?, ?, ?, ?, ?)",
				id, product, cartons, new BigDecimal(amount).divide(BigDecimal.valueOf(cartons), 2, java.math.RoundingMode.HALF_UP),
				new BigDecimal(amount));
	}

	private static PurchasesSalesStock.Line line(PurchasesSalesStock.Report report, String key) {
		return report.lines().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow();
	}

	private static SupplyState state(List<ProductSupply> states, String code) {
		return states.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow().state();
	}

	private static RetailerSegments.Segment segment(RetailerSegments.Report report, RetailerSegments.Value value,
			RetailerSegments.Frequency frequency) {
		return report.segments().stream().filter(s -> s.value() == value && s.frequency() == frequency).findFirst().orElseThrow();
	}
}
