package com.wholesaler.marketing.salesplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.JsonBody;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Every path of sales-plan-approval.bpmn: drafted from the system's proposal, split, returned by the
 * director, returned by the executive, approved and acknowledged by every region; withdrawn and opened
 * again. The 10 % reason rule, the split's sum rule and SoD are enforced on the server, through REST and
 * the plan page, and a refused change changes nothing.
 */
@IntegrationTest
class SalesPlanProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	SalesPlans plans;

	@Autowired
	AnnualTargets targets;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;


	@Autowired
	JdbcTemplate jdbc;

	private final YearMonth thisMonth = YearMonth.now(BusinessTime.ZONE);

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@Test
	void draftedSplitReturnedTwiceApprovedAndAcknowledgedByEveryRegion() throws Exception {
		YearMonth month = thisMonth.plusMonths(1);
		ProcessInstance instance = start("brandhead", month);
		String number = instance.getBusinessKey();
		assertThat(number).isEqualTo("SP-" + month);
		assertThat(instance).isWaitingAt("Task_DraftSalesPlan");
		List<SalesPlanLine> lines = plans.lines(number);
		long onSale = jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE status = 'ACTIVE'", Long.class);
		assertThat(lines).hasSize((int) onSale).allSatisfy(l -> assertThat(l.planned()).isEqualTo(l.proposed()));
		theProposalFollowsLastYearAndTheTrend(month, lines);

		// the drafter raises one line by a fifth: without a reason the plan is not submitted
		SalesPlanLine top = lines.get(0);
		int raised = (int) Math.round(top.proposed() * 1.2);
		page(post("/sales-plans/" + number + "/lines").param("planned_" + top.productCode(), String.valueOf(raised)), "brandhead",
				"brandPlanningHead", HttpStatus.FOUND);
		ResponseEntity<String> noReason = complete("brandhead", task(instance), Map.of("draftAction", "SUBMIT"));
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noReason.getBody()).contains("相差超過 10%").contains(top.productCode());
		String refused = page(post("/sales-plans/" + number + "/lines").param("planned_" + top.productCode(), "-5")
				.param("planned_" + lines.get(1).productCode(), "10"), "brandhead", "brandPlanningHead", HttpStatus.BAD_REQUEST);
		assertThat(refused).contains("應為不小於 0 的整數");
		assertThat(line(number, lines.get(1).productCode()).planned()).as("nothing saved").isEqualTo(lines.get(1).proposed());
		assertThat(page(post("/sales-plans/" + number + "/lines").param("planned_" + lines.get(1).productCode(), "10"), "supply", "supplyManager",
				HttpStatus.BAD_REQUEST)).contains("只能由起草人");
		page(post("/sales-plans/" + number + "/lines").param("planned_" + top.productCode(), String.valueOf(raised))
				.param("reason_" + top.productCode(), "春節前備貨"), "brandhead", "brandPlanningHead", HttpStatus.FOUND);
		String brand = lines.get(2).brand();
		page(post("/sales-plans/" + number + "/adjust").param("brand", brand).param("percent", "-15"), "brandhead", "brandPlanningHead",
				HttpStatus.FOUND);
		assertThat(plans.lines(number)).filteredOn(l -> l.brand().equals(brand) && l.needsReason())
				.allSatisfy(l -> assertThat(l.reason()).contains("統一調整 -15.0%"));
		assertThat(complete("brandhead", task(instance), Map.of("draftAction", "SUBMIT", "note", "按目標分解")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_SplitSalesPlan");
		assertThat(plans.unequalSplits(number)).as("the default split adds up").isEmpty();
		assertThat(plans.split(number).get(top.productCode())).containsEntry(SalesPlans.GROUP_UNIT, 0);
		assertThat(plans.split(number).get(top.productCode()).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(raised);

		// the general administrator gives 集團客戶部 a share: shares must make 100 %
		Map<String, Long> totals = plans.unitTotals(number);
		long planned = plans.lines(number).stream().mapToLong(SalesPlanLine::planned).sum();
		MockHttpServletRequestBuilder bad = post("/sales-plans/" + number + "/split/shares");
		MockHttpServletRequestBuilder good = post("/sales-plans/" + number + "/split/shares");
		for (SalesPlans.Unit u : plans.units()) {
			double share = u.code().equals(SalesPlans.GROUP_UNIT) ? 5 : totals.get(u.code()) * 95.0 / planned;
			bad = bad.param("share_" + u.code(), u.code().equals(SalesPlans.GROUP_UNIT) ? "50" : String.valueOf(share));
			good = good.param("share_" + u.code(), String.format("%.4f", share));
		}
		assertThat(page(bad, "genadmin", "generalAdmin", HttpStatus.BAD_REQUEST)).contains("合計應為 100%");
		page(good, "brandhead", "brandPlanningHead", HttpStatus.BAD_REQUEST);
		page(good, "genadmin", "generalAdmin", HttpStatus.FOUND);
		assertThat(plans.unitTotals(number).get(SalesPlans.GROUP_UNIT)).isBetween(planned * 4 / 100, planned * 6 / 100);
		assertThat(plans.unequalSplits(number)).isEmpty();
		// a cell changed by hand so that the product no longer adds up: the split is not submitted
		Map<String, Integer> topSplit = plans.split(number).get(top.productCode());
		page(post("/sales-plans/" + number + "/split").param("cell_" + top.productCode() + "__R01", String.valueOf(topSplit.get("R01") + 7)),
				"genadmin", "generalAdmin", HttpStatus.FOUND);
		ResponseEntity<String> unequal = complete("genadmin", task(instance), Map.of());
		assertThat(unequal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unequal.getBody()).contains("合計不等於計畫量").contains(top.productCode());
		assertThat(page(post("/sales-plans/" + number + "/split").param("cell_" + top.productCode() + "__R01", "七"), "genadmin",
				"generalAdmin", HttpStatus.BAD_REQUEST)).contains("應為不小於 0 的整數");
		page(post("/sales-plans/" + number + "/split").param("cell_" + top.productCode() + "__R01", String.valueOf(topSplit.get("R01"))),
				"genadmin", "generalAdmin", HttpStatus.FOUND);
		assertThat(complete("genadmin", task(instance), Map.of("note", "集團客戶部 5%")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_ReviewSalesPlan");

		// returned by the director, then by the executive; each time back to the drafter and through the split again
		assertThat(complete("director", task(instance), Map.of("decision", "RETURN")).getBody()).contains("必須填寫審核意見");
		assertThat(complete("director", task(instance), Map.of("decision", "RETURN", "comment", "一類煙再保守一些")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_DraftSalesPlan");
		page(post("/sales-plans/" + number + "/adjust").param("priceClass", "1").param("percent", "-5"), "brandhead", "brandPlanningHead",
				HttpStatus.FOUND);
		assertThat(complete("brandhead", task(instance), Map.of("draftAction", "SUBMIT")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(plans.unequalSplits(number)).as("changed products split again").isEmpty();
		assertThat(plans.unitTotals(number).get(SalesPlans.GROUP_UNIT)).as("the others keep their split").isPositive();
		assertThat(complete("genadmin", task(instance), Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("director", task(instance), Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_ApproveSalesPlan");
		assertThat(complete("executive", task(instance), Map.of("decision", "RETURN", "comment", "請與年度目標核對")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_DraftSalesPlan");
		assertThat(complete("brandhead", task(instance), Map.of("draftAction", "SUBMIT")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("genadmin", task(instance), Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("director", task(instance), Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("executive", task(instance), Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(plans.plan(number).status()).isEqualTo(SalesPlans.Status.APPROVED);
		assertThat(plans.approved(month)).isPresent();

		List<Task> acks = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
		assertThat(acks).hasSize(8).allSatisfy(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeTargets"));
		assertThat(taskService.getVariableLocal(acks.get(0).getId(), "caseSummary")).asString().contains("銷售任務");
		assertThat(page(get("/sales-plans/" + number), "regional1", "regionalMarketing", HttpStatus.OK)).contains(number);
		for (Task ack : acks) {
			assertThat(complete("regional1", ack, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		}
		assertThat(instance).isEnded().hasPassed("Event_SalesPlanApproved");
		assertThat(plans.acknowledgements(number)).hasSize(8);
		assertThat(plans.history(number)).extracting(e -> e.type().name()).containsSubsequence("PROPOSED", "SUBMIT", "SUBMIT", "RETURN",
				"RESUBMIT", "SUBMIT", "APPROVE", "RETURN", "RESUBMIT", "SUBMIT", "APPROVE", "APPROVE", "ACKNOWLEDGE");
	}

	@Test
	void withdrawnAndOpenedAgain() {
		YearMonth month = thisMonth.plusMonths(2);
		ProcessInstance first = start("brandhead", month);
		String number = first.getBusinessKey();
		assertThat(complete("director", task(first), Map.of("draftAction", "WITHDRAW")).getStatusCode()).as("only the drafter")
				.isNotEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("brandhead", task(first), Map.of("draftAction", "WITHDRAW", "note", "等年度目標")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(first).isEnded().hasPassed("Event_SalesPlanWithdrawn");
		assertThat(plans.plan(number).status()).isEqualTo(SalesPlans.Status.WITHDRAWN);
		ProcessInstance again = start("brandhead", month);
		assertThat(again.getBusinessKey()).isEqualTo(number);
		assertThat(plans.plan(number).status()).isEqualTo(SalesPlans.Status.DRAFTING);
		assertThatThrownBy(() -> start("brandhead", month)).hasMessageContaining("已有銷售計畫");
		runtimeService.deleteProcessInstance(again.getId(), "test done");
		jdbc.update("UPDATE sales_plan SET status = 'WITHDRAWN' WHERE plan_number = ?", number);
	}

	@Test
	void onlyTheBrandPlanningHeadDraftsAndTheDrafterNeverApproves() {
		assertThat(rest.withBasicAuth("supply", "demo").postForEntity("/engine-rest/process-definition/key/" + SalesPlans.PROCESS_ID + "/start",
				JsonBody.variables(Map.of("month", thisMonth.toString())), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThatThrownBy(() -> start("brandhead", thisMonth.plusMonths(3))).hasMessageContaining("月份應在");
		assertThatThrownBy(() -> start("brandhead", thisMonth.minusMonths(1))).hasMessageContaining("月份應在");
		ProcessInstance own = ActingUsers.as(identityService, "boss", List.of("brandPlanningHead", "centerDirector"),
				() -> runtimeService.startProcessInstanceByKey(SalesPlans.PROCESS_ID, Map.of("month", thisMonth.toString())));
		String number = own.getBusinessKey();
		ActingUsers.as(identityService, "boss", List.of("brandPlanningHead", "centerDirector"), () -> {
			taskService.complete(task(own).getId(), Map.of("draftAction", "SUBMIT"));
			return null;
		});
		ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> {
			taskService.complete(task(own).getId(), Map.of());
			return null;
		});
		Task review = task(own);
		ActingUsers.as(identityService, "boss", List.of("brandPlanningHead", "centerDirector"), () -> {
			assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("decision", "APPROVE"))).hasMessageContaining("不能審批自己的");
			return null;
		});
		assertThat(plans.plan(number).status()).isEqualTo(SalesPlans.Status.REVIEWING);
		runtimeService.deleteProcessInstance(own.getId(), "test done");
		jdbc.update("UPDATE sales_plan SET status = 'WITHDRAWN' WHERE plan_number = ?", number);
	}

	/**
	 * Counted here: a product's last-year month and trend; every product not held to a limit is its base
	 * times the same factor (the yearly target's share, or 1 without a target).
	 */
	private void theProposalFollowsLastYearAndTheTrend(YearMonth month, List<SalesPlanLine> lines) {
		YearMonth lastFull = thisMonth.minusMonths(1);
		YearMonth recentFrom = lastFull.minusMonths(2);
		Double factor = null;
		for (SalesPlanLine line : lines.stream().filter(l -> !l.capped() && l.lastYear() > 500).limit(5).toList()) {
			long ly = sold(line.productCode(), month.minusYears(1).atDay(1), month.minusYears(1).atEndOfMonth());
			assertThat(line.lastYear()).isEqualTo((int) ly);
			long recent = sold(line.productCode(), recentFrom.atDay(1), lastFull.atEndOfMonth());
			long before = sold(line.productCode(), recentFrom.minusYears(1).atDay(1), lastFull.minusYears(1).atEndOfMonth());
			double trend = Math.max(0.5, Math.min(2.0, recent / (double) before));
			double f = line.proposed() / (ly * trend);
			if (factor == null) {
				factor = f;
			}
			assertThat(f).as(line.productCode()).isCloseTo(factor, org.assertj.core.data.Offset.offset(0.002));
		}
		if (targets.approved(month.getYear()).isEmpty()) {
			assertThat(factor).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.002));
		}
	}

	private long sold(String product, LocalDate from, LocalDate to) {
		return jdbc.queryForObject("SELECT COALESCE(SUM(cartons), 0) FROM daily_sales WHERE product_code = ? AND sales_date BETWEEN ? AND ?",
				Long.class, product, from, to);
	}

	private SalesPlanLine line(String number, String code) {
		return plans.lines(number).stream().filter(l -> l.productCode().equals(code)).findFirst().orElseThrow();
	}

	private ProcessInstance start(String user, YearMonth month) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("month", month.toString());
		form.put("note", "月度銷售計畫");
		return ActingUsers.as(identityService, user, List.of("brandPlanningHead"),
				() -> runtimeService.startProcessInstanceByKey(SalesPlans.PROCESS_ID, form));
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private String page(MockHttpServletRequestBuilder request, String user, String group, HttpStatus expected) {
		try {
			RequestPostProcessor who = user(user).authorities(() -> group);
			var response = mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
			assertThat(response.getStatus()).as(request.toString()).isEqualTo(expected.value());
			return response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers), String.class);
	}

}
