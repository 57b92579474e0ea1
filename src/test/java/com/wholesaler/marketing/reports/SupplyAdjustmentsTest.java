package com.wholesaler.marketing.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.IntegrationTest;

/**
 * 貨源調整建議 through the page: the general administrator proposes from the supply state (bad fields
 * refused with 400 and nothing kept, other roles 403); a rationing proposal becomes a shortage case
 * when the supply manager starts it, under their name, once. Rolled back after each test.
 */
@IntegrationTest
@Transactional
class SupplyAdjustmentsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	@Test
	void aRationingProposalBecomesTheSupplyManagersShortageCaseOnce() throws Exception {
		String product = productWithoutShortageCase();
		mvc.perform(propose(genadmin(), product, "LIMIT", "近四週缺貨未滿足超過一成，建議按檔位限量")).andExpect(status().is3xxRedirection());
		Map<String, Object> row = jdbc.queryForMap("SELECT * FROM supply_adjustment WHERE product_code = ?", product);
		assertThat(row.get("PROPOSED_BY")).isEqualTo("genadmin");
		assertThat(row.get("ACTION")).isEqualTo("LIMIT");
		long stock = jdbc.queryForObject("SELECT on_hand - reserved FROM stock WHERE product_code = ?", Long.class, product);
		assertThat(((Number) row.get("STOCK")).longValue()).as("the figures it stood on").isEqualTo(stock);
		String number = (String) row.get("ADJUSTMENT_NUMBER");
		assertThat(number).matches("GT-\\d{4}-\\d{4}");
		String page = page(genadmin());
		assertThat(page).contains(number).contains("待貨源管理員發起缺貨處理");

		mvc.perform(post("/reports/supply-state/adjustments/" + number + "/shortage-case").with(genadmin()).with(csrf()))
				.andExpect(status().isForbidden());
		assertThat(caseOf(number)).isNull();

		mvc.perform(post("/reports/supply-state/adjustments/" + number + "/shortage-case").with(supply()).with(csrf()))
				.andExpect(status().is3xxRedirection());
		String caseNumber = caseOf(number);
		assertThat(caseNumber).startsWith("SS-" + product + "-");
		assertThat(jdbc.queryForObject("SELECT started_by FROM shortage_case WHERE case_number = ?", String.class, caseNumber))
				.isEqualTo("supply");
		assertThat(jdbc.queryForObject("SELECT note FROM shortage_case WHERE case_number = ?", String.class, caseNumber))
				.contains(number).contains("按檔位限量");
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isPositive();

		String again = mvc.perform(post("/reports/supply-state/adjustments/" + number + "/shortage-case").with(supply()).with(csrf()))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("已發起缺貨處理 " + caseNumber);
	}

	@Test
	void aPurchaseProposalPointsToTheContractsInForceOrToTheNextPlan() throws Exception {
		String product = productWithoutShortageCase();
		mvc.perform(propose(genadmin(), product, "MORE_PURCHASE", "需求回升，建議增加合同數量")).andExpect(status().is3xxRedirection());
		String number = jdbc.queryForObject("SELECT adjustment_number FROM supply_adjustment WHERE product_code = ?", String.class, product);
		long signed = jdbc.queryForObject("""
				SELECT COUNT(*) FROM contract c JOIN contract_line l ON l.contract_number = c.contract_number
				WHERE c.status = 'SIGNED' AND l.product_code = ?""", Long.class, product);
		String page = page(genadmin());
		assertThat(page).contains(number);
		if (signed == 0) {
			assertThat(page).contains("沒有履行中的合同");
		}
		String refused = mvc.perform(post("/reports/supply-state/adjustments/" + number + "/shortage-case").with(supply()).with(csrf()))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("不是限量投放");
	}

	@Test
	void badProposalsAreRefusedAndNothingIsKept() throws Exception {
		String product = productWithoutShortageCase();
		String discontinued = jdbc.queryForObject("SELECT code FROM product WHERE status = 'DISCONTINUED' ORDER BY code FETCH FIRST 1 ROWS ONLY",
				String.class);
		Map<String, String[]> cases = Map.of(
				"找不到規格", new String[] {"沒有這種煙", "LIMIT", "理由"},
				"已停銷", new String[] {discontinued, "LIMIT", "理由"},
				"請寫明建議的理由", new String[] {product, "LIMIT", "  "},
				"請選擇建議的調整方式", new String[] {product, "MORE", "理由"},
				"理由最多 500 字", new String[] {product, "OTHER", "長".repeat(501)});
		for (Map.Entry<String, String[]> c : cases.entrySet()) {
			String html = mvc.perform(propose(genadmin(), c.getValue()[0], c.getValue()[1], c.getValue()[2]))
					.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(c.getKey()).contains(c.getKey()).doesNotContain("Exception");
		}
		mvc.perform(propose(supply(), product, "LIMIT", "理由")).andExpect(status().isForbidden());
		mvc.perform(propose(user("director").authorities(() -> "centerDirector"), product, "LIMIT", "理由")).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supply_adjustment", Long.class)).isZero();
	}

	private String productWithoutShortageCase() {
		return jdbc.queryForObject("""
				SELECT p.code FROM product p WHERE p.status = 'ACTIVE'
				  AND NOT EXISTS (SELECT 1 FROM shortage_case c WHERE c.product_code = p.code)
				ORDER BY p.code DESC FETCH FIRST 1 ROWS ONLY""", String.class);
	}

	private String caseOf(String number) {
		return jdbc.queryForObject("SELECT shortage_case FROM supply_adjustment WHERE adjustment_number = ?", String.class, number);
	}

	private String page(RequestPostProcessor who) throws Exception {
		return mvc.perform(get("/reports/supply-state").with(who)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder propose(RequestPostProcessor who,
			String product, String action, String reason) {
		return post("/reports/supply-state/adjustments").with(who).with(csrf()).param("product", product).param("action", action)
				.param("reason", reason);
	}

	private static RequestPostProcessor genadmin() {
		return user("genadmin").authorities(() -> "generalAdmin");
	}

	private static RequestPostProcessor supply() {
		return user("supply").authorities(() -> "supplyManager");
	}
}
