package com.wholesaler.marketing.brands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.IntegrationTest;

/**
 * 品牌檔案: a brand's products, weekly sales and reach agree with counts made here in SQL; the brand
 * manager records evaluations (bad scores 400, other roles 403, nothing saved). Rolled back.
 */
@IntegrationTest
@Transactional
class BrandFilesTest {

	static final String BRAND = "中華";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BrandFiles files;

	@Test
	void theFileAgreesWithTheTables() throws Exception {
		long products = jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE brand = ?", Long.class, BRAND);
		assertThat(files.products(BRAND)).hasSize((int) products);
		BrandFiles.Week week = files.weeklySales(BRAND).get(20);
		long sold = jdbc.queryForObject("""
				SELECT COALESCE(SUM(d.cartons), 0) FROM daily_sales d JOIN product p ON p.code = d.product_code
				WHERE p.brand = ? AND d.sales_date >= ? AND d.sales_date < ?""", Long.class, BRAND, week.start(), week.start().plusDays(7));
		long lastYear = jdbc.queryForObject("""
				SELECT COALESCE(SUM(d.cartons), 0) FROM daily_sales d JOIN product p ON p.code = d.product_code
				WHERE p.brand = ? AND d.sales_date >= ? AND d.sales_date < ?""", Long.class, BRAND, week.start().minusWeeks(52),
				week.start().minusWeeks(52).plusDays(7));
		assertThat(week.cartons()).isEqualTo(sold);
		assertThat(week.lastYear()).isEqualTo(lastYear).isPositive();
		long ordering = jdbc.queryForObject("""
				SELECT COUNT(DISTINCT o.retailer_code) FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id
				JOIN product p ON p.code = l.product_code JOIN retailer r ON r.code = o.retailer_code
				WHERE p.brand = ? AND o.call_date >= ? AND r.status = 'ACTIVE'""", Long.class, BRAND,
				java.time.LocalDate.now(com.wholesaler.marketing.catalog.BusinessTime.ZONE).minusWeeks(4));
		assertThat(files.coverage(BRAND).get("regions").stream().mapToLong(BrandFiles.Coverage::ordering).sum()).isEqualTo(ordering);
		String page = page(get("/brands/{b}", BRAND), "brandmgr", "brandManager", 200);
		assertThat(page).contains("品牌檔案 · 中華").contains("chart-data").contains("coverage-tiers");
		assertThat(page(get("/brands/{b}", "沒有這個牌子"), "brandmgr", "brandManager", 400)).contains("沒有「沒有這個牌子」這個品牌");
	}

	@Test
	void theBrandManagerRecordsEvaluations() throws Exception {
		page(evaluation("4", "3", "5", "4", "終端調研：一類煙客戶認可度高"), "brandmgr", "brandManager", 302);
		assertThat(files.evaluations(BRAND)).singleElement().satisfies(e -> {
			assertThat(e.average()).isEqualTo(4.0);
			assertThat(e.by()).isEqualTo("brandmgr");
		});
		assertThat(page(evaluation("6", "3", "5", "4", "x"), "brandmgr", "brandManager", 400)).contains("品質的評分應為 1 至 5");
		assertThat(page(evaluation("4", "3", "5", "4", " "), "brandmgr", "brandManager", 400)).contains("請寫明調研或評價的內容");
		page(evaluation("4", "3", "5", "4", "x"), "supply", "supplyManager", 403);
		assertThat(files.evaluations(BRAND)).hasSize(1);
		assertThat(page(get("/brands/{b}", BRAND), "director", "centerDirector", 200)).contains("終端調研：一類煙客戶認可度高");
	}

	private static MockHttpServletRequestBuilder evaluation(String quality, String price, String packaging, String acceptance, String note) {
		return post("/brands/{b}/evaluations", BRAND).param("kind", "RESEARCH").param("quality", quality).param("price", price)
				.param("packaging", packaging).param("acceptance", acceptance).param("note", note);
	}

	private String page(MockHttpServletRequestBuilder request, String who, String group, int expected) throws Exception {
		var response = mvc.perform(request.with(user(who).authorities(() -> group)).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(expected);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
