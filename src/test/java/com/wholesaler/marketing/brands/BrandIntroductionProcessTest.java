package com.wholesaler.marketing.brands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

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

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.JsonBody;
import com.wholesaler.marketing.catalog.Catalog;

/**
 * Every path of brand-introduction.bpmn: returned by the brand-planning head, returned by the director,
 * resubmitted and approved (the product enters the catalog with its prices, no stock and a first order
 * waiting for the next purchase plan); returned and withdrawn. The proposal's rules and SoD hold.
 */
@IntegrationTest
class BrandIntroductionProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	BrandIntroductions introductions;

	@Autowired
	Catalog catalog;

	@Autowired
	TestRestTemplate rest;


	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@Test
	void returnedTwiceThenApprovedTheProductEntersTheCatalog() {
		ProcessInstance instance = propose("測試新品(硬)", "120.00");
		String number = instance.getBusinessKey();
		assertThat(number).matches("XP-\\d{4}-\\d{4}");
		assertThat(instance).isWaitingAt("Task_EvaluateIntroduction");
		ResponseEntity<String> noScore = complete("brandmgr", task(instance), Map.of("evaluation", "需求穩定"));
		assertThat(noScore.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(complete("brandmgr", task(instance), Map.of("evaluation", "一類煙客戶有需求，同價位競品少", "evaluationScore", "4")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("brandhead", task(instance), Map.of("decision", "RETURN")).getBody()).contains("必須填寫審核意見");
		assertThat(complete("brandhead", task(instance), Map.of("decision", "RETURN", "comment", "零售價偏高")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_ReviseIntroduction");
		assertThat(task(instance).getAssignee()).isEqualTo("supply");
		Map<String, Object> revised = new HashMap<>(form("測試新品(硬)", "115.00"));
		revised.put("reviseAction", "RESUBMIT");
		assertThat(complete("supply", task(instance), revised).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_EvaluateIntroduction");
		assertThat(introductions.introduction(number).proposal().retailPrice()).isEqualByComparingTo("115.00");
		evaluate(instance);
		decide("brandhead", instance, "APPROVE", null);
		assertThat(instance).isWaitingAt("Task_ApproveIntroduction");
		decide("director", instance, "RETURN", "先做三個月試銷方案");
		assertThat(instance).isWaitingAt("Task_ReviseIntroduction");
		revised.put("reason", "三個月試銷，限 1-12 檔");
		assertThat(complete("supply", task(instance), revised).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		evaluate(instance);
		decide("brandhead", instance, "APPROVE", null);
		decide("director", instance, "APPROVE", null);
		assertThat(instance).isEnded().hasPassed("Event_ProductIntroduced");
		String code = introductions.introduction(number).productCode();
		try {
			assertThat(code).matches("P\\d{4}");
			assertThat(catalog.product(code)).get().satisfies(p -> {
				assertThat(p.name()).isEqualTo("測試新品(硬)");
				assertThat(p.isActive()).isTrue();
				assertThat(p.retailPrice()).isEqualByComparingTo("115.00");
			});
			assertThat(jdbc.queryForObject("SELECT on_hand FROM stock WHERE product_code = ?", Integer.class, code)).isZero();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product_price WHERE product_code = ?", Long.class, code)).isEqualTo(1);
			assertThat(catalog.pendingFirstOrders()).containsEntry(code, 800);
			assertThat(introductions.history(number)).extracting(e -> e.type().name()).containsExactly("SUBMIT", "SUBMIT", "RETURN", "RESUBMIT",
					"SUBMIT", "APPROVE", "RETURN", "RESUBMIT", "SUBMIT", "APPROVE", "APPROVE");
		}
		finally {
			// the shared context's catalog keeps its demo products only
			jdbc.update("DELETE FROM product_first_order WHERE product_code = ?", code);
			jdbc.update("DELETE FROM product_price WHERE product_code = ?", code);
			jdbc.update("DELETE FROM stock WHERE product_code = ?", code);
			jdbc.update("DELETE FROM product WHERE code = ?", code);
		}
	}

	@Test
	void returnedAndWithdrawn() {
		ProcessInstance instance = propose("測試撤回品(軟)", "108.00");
		evaluate(instance);
		decide("brandhead", instance, "RETURN", "市場已飽和");
		Map<String, Object> withdraw = new HashMap<>(Map.of("reviseAction", "WITHDRAW", "manufacturerCode", "M05"));
		assertThat(complete("brandhead", task(instance), withdraw).getStatusCode()).as("only the proposer").isNotEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("supply", task(instance), withdraw).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isEnded().hasPassed("Event_IntroductionWithdrawn");
		assertThat(introductions.introduction(instance.getBusinessKey()).status()).isEqualTo(BrandIntroductions.Status.WITHDRAWN);
	}

	@Test
	void whatAProposalMustBeAndTheProposerNeverApproves() {
		Map<String, Object> bad = new HashMap<>(form("測試錯價", "10.00"));
		assertThatThrownBy(() -> start("supply", List.of("supplyManager"), bad)).hasMessageContaining("調撥價 < 批發價 < 零售價");
		Map<String, Object> tiers = new HashMap<>(form("測試檔位", "120.00"));
		tiers.put("targetTiers", "0-40");
		assertThatThrownBy(() -> start("supply", List.of("supplyManager"), tiers)).hasMessageContaining("目標檔位");
		Map<String, Object> maker = new HashMap<>(form("測試企業", "120.00"));
		maker.put("manufacturerCode", "M99");
		assertThatThrownBy(() -> start("supply", List.of("supplyManager"), maker)).hasMessageContaining("找不到工業企業");
		String existing = jdbc.queryForObject("SELECT name FROM product ORDER BY code FETCH FIRST 1 ROWS ONLY", String.class);
		assertThatThrownBy(() -> start("supply", List.of("supplyManager"), form(existing, "120.00"))).hasMessageContaining("目錄中已有規格");
		assertThat(rest.withBasicAuth("brandmgr", "demo").postForEntity("/engine-rest/process-definition/key/" + BrandIntroductions.PROCESS_ID
				+ "/start", JsonBody.variables(form("測試", "120.00")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		List<String> both = List.of("supplyManager", "brandPlanningHead");
		ProcessInstance own = start("boss", both, form("測試自審(硬)", "120.00"));
		evaluate(own);
		Task review = task(own);
		ActingUsers.as(identityService, "boss", both, () -> {
			assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("decision", "APPROVE"))).hasMessageContaining("不能審批自己的");
			return null;
		});
		assertThat(introductions.introduction(own.getBusinessKey()).status()).isEqualTo(BrandIntroductions.Status.REVIEWING);
		runtimeService.deleteProcessInstance(own.getId(), "test done");
	}

	private Map<String, Object> form(String name, String retail) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("manufacturerCode", "M05");
		form.put("brand", "芙蓉王");
		form.put("productName", name);
		form.put("allocationPrice", "70.00");
		form.put("wholesalePrice", "95.00");
		form.put("retailPrice", retail);
		form.put("monthlyVolume", "800");
		form.put("targetTiers", "1-12");
		form.put("reason", "填補一類煙 100 元價位空檔");
		return form;
	}

	private ProcessInstance propose(String name, String retail) {
		return start("supply", List.of("supplyManager"), form(name, retail));
	}

	private ProcessInstance start(String user, List<String> groups, Map<String, Object> form) {
		return ActingUsers.as(identityService, user, groups, () -> runtimeService.startProcessInstanceByKey(BrandIntroductions.PROCESS_ID, form));
	}

	private void evaluate(ProcessInstance instance) {
		assertThat(complete("brandmgr", task(instance), Map.of("evaluation", "可以引入", "evaluationScore", "4")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
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
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers), String.class);
	}

}
