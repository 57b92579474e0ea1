package com.wholesaler.marketing.brands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.JsonBody;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Every path of brand-promotion.bpmn: returned by the brand-planning head and by the director, revised,
 * approved, and four weeks after it its results recorded with the target retailers' orders before and
 * after; returned and withdrawn. What a promotion must be, and SoD, through the engine's REST API.
 */
@IntegrationTest
class BrandPromotionProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	BrandPromotions promotions;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@Test
	void returnedTwiceApprovedAndItsResultsRecorded() throws Exception {
		LocalDate start = LocalDate.now(clock).plusDays(10);
		Map<String, Object> form = form(start, start.plusDays(2), "20000", "5000");
		ProcessInstance instance = start("brandmgr", List.of("brandManager"), form);
		String number = instance.getBusinessKey();
		assertThat(number).matches("BA-\\d{4}-\\d{4}");
		assertThat(instance).isWaitingAt("Task_ReviewPromotion");
		decide("brandhead", instance, "RETURN", "預算偏高");
		assertThat(instance).isWaitingAt("Task_RevisePromotion");
		assertThat(task(instance).getAssignee()).isEqualTo("brandmgr");
		Map<String, Object> revised = new HashMap<>(form);
		revised.put("budget", "15000");
		revised.put("reviseAction", "RESUBMIT");
		assertThat(complete("brandmgr", task(instance), revised).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		decide("brandhead", instance, "APPROVE", null);
		assertThat(instance).isWaitingAt("Task_ApprovePromotion");
		decide("director", instance, "RETURN", "改在月初舉辦");
		assertThat(complete("brandmgr", task(instance), revised).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		decide("brandhead", instance, "APPROVE", null);
		decide("director", instance, "APPROVE", null);
		assertThat(instance).isWaitingAt("Event_ResultsDue");
		assertThat(job("Event_ResultsDue", instance).getDuedate()).isEqualTo(BusinessTime.startOf(start.plusDays(2).plusWeeks(4).plusDays(1)));

		execute(job("Event_ResultsDue", instance));
		assertThat(instance).isWaitingAt("Task_RecordResults");
		long before = jdbc.queryForObject("""
				SELECT COALESCE(SUM(l.cartons), 0) FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id
				WHERE l.product_code IN (?, ?) AND o.call_date BETWEEN ? AND ?""", Long.class, products()[0], products()[1], start.minusWeeks(4),
				start.minusDays(1));
		assertThat(before).as("the demo retailers ordered the brand lately").isPositive();
		assertThat(taskService.getVariable(task(instance).getId(), "effectSummary").toString()).contains("活動前 4 週 %,d 條".formatted(before));
		assertThat(complete("brandmgr", task(instance), Map.of("attendance", "多", "resultNote", "x")).getBody()).contains("到場");
		assertThat(complete("brandmgr", task(instance), Map.of("attendance", "35", "resultNote", "客戶反響好，二類煙客戶訂購增加")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isEnded().hasPassed("Event_PromotionDone");
		assertThat(promotions.promotion(number)).satisfies(p -> {
			assertThat(p.status()).isEqualTo(BrandPromotions.Status.DONE);
			assertThat(p.attendance()).isEqualTo(35);
			assertThat(p.cartonsBefore().longValue()).isEqualTo(before);
			assertThat(p.draft().budget()).isEqualByComparingTo("15000");
		});
		assertThat(promotions.history(number)).extracting(e -> e.type().name()).containsExactly("SUBMIT", "RETURN", "RESUBMIT", "APPROVE",
				"RETURN", "RESUBMIT", "APPROVE", "APPROVE", "SUBMIT");
		mvc.perform(get("/brands/promotions/" + number).with(user("director").authorities(() -> "centerDirector"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("二類煙客戶訂購增加"))).andExpect(content().string(containsString("到場 35 家")));
		mvc.perform(get("/brands/{b}", brand()).with(user("director").authorities(() -> "centerDirector"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(number)));
	}

	@Test
	void returnedAndWithdrawn() {
		LocalDate start = LocalDate.now(clock).plusDays(5);
		ProcessInstance instance = start("brandmgr", List.of("brandManager"), form(start, start, "3000", ""));
		decide("brandhead", instance, "RETURN", "與工業企業活動重疊");
		Map<String, Object> withdraw = new HashMap<>(form(start, start, "3000", ""));
		withdraw.put("reviseAction", "WITHDRAW");
		assertThat(complete("brandhead", task(instance), withdraw).getStatusCode()).as("only the proposer").isNotEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("brandmgr", task(instance), withdraw).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isEnded().hasPassed("Event_PromotionWithdrawn");
	}

	@Test
	void whatAPromotionMustBeAndTheProposerNeverDecides() {
		LocalDate start = LocalDate.now(clock).plusDays(3);
		assertThat(startByRest("brandmgr", form(start, start.plusDays(1), "1000", "2000")).getBody()).contains("工業企業分擔");
		assertThat(startByRest("brandmgr", form(start, start.minusDays(1), "1000", "")).getBody()).contains("結束日期");
		assertThat(startByRest("brandmgr", form(LocalDate.now(clock).minusDays(1), start, "1000", "")).getBody()).contains("已過");
		Map<String, Object> foreign = form(start, start, "1000", "");
		String other = jdbc.queryForObject("SELECT code FROM product WHERE brand <> ? AND status = 'ACTIVE' ORDER BY code FETCH FIRST 1 ROWS ONLY",
				String.class, brand());
		foreign.put("products", other);
		assertThat(startByRest("brandmgr", foreign).getBody()).contains("不是").contains(other);
		Map<String, Object> region = form(start, start, "1000", "");
		region.put("regions", "R99");
		assertThat(startByRest("brandmgr", region).getBody()).contains("找不到區域");
		Map<String, Object> tiers = form(start, start, "1000", "");
		tiers.put("targetTiers", "12-1");
		assertThat(startByRest("brandmgr", tiers).getBody()).contains("目標檔位");
		assertThat(startByRest("brandhead", form(start, start, "1000", "")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		List<String> both = List.of("brandManager", "brandPlanningHead");
		ProcessInstance own = start("boss", both, form(start, start, "1000", ""));
		Task review = task(own);
		ActingUsers.as(identityService, "boss", both, () -> {
			assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("decision", "APPROVE"))).hasMessageContaining("不能審批自己的");
			return null;
		});
		assertThat(promotions.promotion(own.getBusinessKey()).status()).isEqualTo(BrandPromotions.Status.REVIEWING);
		runtimeService.deleteProcessInstance(own.getId(), "test done");
	}

	private String brand() {
		return jdbc.queryForObject("""
				SELECT brand FROM product WHERE status = 'ACTIVE' GROUP BY brand HAVING COUNT(*) >= 2 ORDER BY brand FETCH FIRST 1 ROWS ONLY""",
				String.class);
	}

	private String[] products() {
		return jdbc.queryForList("SELECT code FROM product WHERE brand = ? AND status = 'ACTIVE' ORDER BY code FETCH FIRST 2 ROWS ONLY", String.class,
				brand()).toArray(String[]::new);
	}

	private Map<String, Object> form(LocalDate start, LocalDate end, String budget, String share) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("kind", "FAIR");
		form.put("brand", brand());
		form.put("products", String.join(" ", products()));
		form.put("startsOn", start.toString());
		form.put("endsOn", end.toString());
		form.put("targetTiers", "1-30");
		form.put("regions", "");
		form.put("budget", budget);
		form.put("manufacturerShare", share);
		form.put("description", "縣城展銷會，現場訂貨");
		return form;
	}

	private ProcessInstance start(String user, List<String> groups, Map<String, Object> form) {
		return ActingUsers.as(identityService, user, groups, () -> runtimeService.startProcessInstanceByKey(BrandPromotions.PROCESS_ID, form));
	}

	private ResponseEntity<String> startByRest(String user, Map<String, Object> form) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/" + BrandPromotions.PROCESS_ID + "/submit-form",
				JsonBody.variables(form), String.class);
	}

	private void decide(String user, ProcessInstance instance, String decision, String comment) {
		Map<String, Object> answers = new HashMap<>(Map.of("decision", decision));
		if (comment != null) {
			answers.put("comment", comment);
		}
		assertThat(complete(user, task(instance), answers).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers),
				String.class);
	}
}
