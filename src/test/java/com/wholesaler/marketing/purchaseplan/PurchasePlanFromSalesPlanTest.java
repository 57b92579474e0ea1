package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;

/**
 * A purchase plan started for a month with an approved sales plan is proposed from it (planned sales +
 * safety stock − on hand − in transit, in whole cases), and its page shows the forecast's suggestion beside
 * it; a month without one is proposed from the forecast as before. The sales plan here is written in SQL;
 * everything is rolled back.
 */
@IntegrationTest
@Transactional
class PurchasePlanFromSalesPlanTest {

	static final YearMonth MONTH = YearMonth.of(2031, 5);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	PurchasePlans plans;

	@Autowired
	MockMvc mvc;

	@Test
	void theMonthsApprovedSalesPlanIsWhatThePurchasePlanIsProposedFrom() throws Exception {
		List<Map<String, Object>> products = jdbc.queryForList("""
				SELECT s.product_code, s.on_hand, s.in_transit, s.warning_days FROM stock s JOIN product p ON p.code = s.product_code
				WHERE p.status = 'ACTIVE' ORDER BY s.product_code FETCH FIRST 3 ROWS ONLY""");
		jdbc.update("""
				INSERT INTO sales_plan (plan_number, plan_month, status, drafter, basis, version, created_at, approved_at)
				VALUES ('SP-2031-05', '2031-05', 'APPROVED', 'brandhead', '測試', 0, ?, ?)""",
				Timestamp.valueOf(LocalDateTime.now()), Timestamp.valueOf(LocalDateTime.now()));
		int[] planned = {0, 0, 0};
		for (int i = 0; i < 3; i++) {
			Map<String, Object> p = products.get(i);
			int stock = ((Number) p.get("ON_HAND")).intValue() + ((Number) p.get("IN_TRANSIT")).intValue();
			planned[i] = i == 2 ? 0 : stock + 1000 * (i + 1);
			jdbc.update("INSERT INTO sales_plan_line (plan_number, product_code, last_year, proposed, planned, capped) VALUES ('SP-2031-05', ?, 0, ?, ?, FALSE)",
					p.get("PRODUCT_CODE"), planned[i], planned[i]);
		}
		String number = start(MONTH);
		assertThat(plans.salesPlanNumber(number)).contains("SP-2031-05");
		Map<String, PlanBasis> basis = plans.basis(number);
		for (int i = 0; i < 3; i++) {
			Map<String, Object> p = products.get(i);
			String code = (String) p.get("PRODUCT_CODE");
			int onHand = ((Number) p.get("ON_HAND")).intValue();
			int inTransit = ((Number) p.get("IN_TRANSIT")).intValue();
			int warning = ((Number) p.get("WARNING_DAYS")).intValue();
			double needed = planned[i] + planned[i] * warning / 31.0 - onHand - inTransit;
			int expected = needed <= 0 ? 0 : (int) Math.ceil(needed / 50) * 50;
			Integer suggested = jdbc.queryForList("SELECT suggested_cartons FROM purchase_plan_line WHERE plan_number = ? AND product_code = ?",
					Integer.class, number, code).stream().findFirst().orElse(0);
			assertThat(suggested).as(code).isEqualTo(expected);
			if (planned[i] > 0) {
				assertThat(basis.get(code).plannedSales()).isEqualTo(planned[i]);
				assertThat(basis.get(code).salesPlanSuggested()).isEqualTo(expected);
			}
		}
		// a product the sales plan leaves out is not bought, whatever the forecast says
		long outside = jdbc.queryForObject("""
				SELECT COUNT(*) FROM purchase_plan_line l WHERE l.plan_number = ?
				  AND NOT EXISTS (SELECT 1 FROM sales_plan_line s WHERE s.plan_number = 'SP-2031-05' AND s.product_code = l.product_code)""",
				Long.class, number);
		assertThat(outside).isZero();
		assertThat(basis.values()).anySatisfy(b -> assertThat(b.forecastSuggested()).isPositive());

		String page = mvc.perform(get("/plans/" + number).with(user("supply").authorities(() -> "supplyManager"))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("SP-2031-05").contains("按預測").contains("計畫銷量");
	}

	@Test
	void withoutAnApprovedSalesPlanTheForecastProposes() {
		String number = start(MONTH.plusMonths(1));
		assertThat(plans.salesPlanNumber(number)).isEmpty();
		assertThat(jdbc.queryForObject("""
				SELECT COUNT(*) FROM purchase_plan_line l JOIN purchase_plan_basis b ON b.plan_number = l.plan_number AND b.product_code = l.product_code
				WHERE l.plan_number = ? AND l.suggested_cartons <> b.forecast_suggested""", Long.class, number)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_plan_line WHERE plan_number = ?", Long.class, number)).isPositive();
	}

	@Test
	void aNewProductsFirstOrderIsWhatTheNextPlanSuggestsForIt() {
		String code = catalog.introduce("測試首單(硬)", "芙蓉王", "M05", new java.math.BigDecimal("70.00"), new java.math.BigDecimal("95.00"),
				new java.math.BigDecimal("108.00"), 820, "XP-TEST");
		String number = start(MONTH.plusMonths(2));
		assertThat(jdbc.queryForObject("SELECT suggested_cartons FROM purchase_plan_line WHERE plan_number = ? AND product_code = ?", Integer.class,
				number, code)).as("820 cartons in whole cases of 50").isEqualTo(850);
		assertThat(catalog.pendingFirstOrders()).doesNotContainKey(code);
	}

	@Autowired
	com.wholesaler.marketing.catalog.Catalog catalog;

	private String start(YearMonth month) {
		return ActingUsers.as(identityService, "supply", List.of("supplyManager"),
				() -> runtimeService.startProcessInstanceByKey("purchasePlanApproval", Map.of("period", month.toString(), "note", "測試"))
						.getBusinessKey());
	}
}
