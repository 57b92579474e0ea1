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
 * Every path of brand-cultivation.bpmn: returned, revised, approved, evaluated after each quarter against
 * the actuals until the plan completes; returned and withdrawn. What a plan must be, and SoD, through the
 * engine's REST API as Tasklist sends it.
 */
@IntegrationTest
class BrandCultivationProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	BrandCultivations cultivations;

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
	void returnedRevisedApprovedAndEvaluatedAfterEachQuarter() throws Exception {
		String[] brand = brand(0);
		int year = LocalDate.now(clock).getYear() + 1;
		ProcessInstance instance = start("brandmgr", List.of("brandManager"), form(brand, year, "Q1 30 9000 95\nQ2 35 12000 95"));
		String number = instance.getBusinessKey();
		assertThat(number).matches("BC-\\d{4}-\\d{4}");
		assertThat(instance).isWaitingAt("Task_ApproveCultivation");
		assertThat(complete("director", task(instance), Map.of("decision", "RETURN")).getBody()).contains("意見");
		assertThat(complete("director", task(instance), Map.of("decision", "RETURN", "comment", "第二季目標偏低")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_ReviseCultivation");
		Map<String, Object> revised = new HashMap<>(taskService.getVariables(task(instance).getId(),
				List.of("brand", "manufacturerCode", "planYear", "goals", "measures")));
		assertThat(revised.get("goals").toString()).contains("Q2 35 12000 95");
		revised.put("goals", "Q1 30 9000 95\nQ2 40 14000 96");
		revised.put("reviseAction", "RESUBMIT");
		assertThat(complete("brandmgr", task(instance), revised).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("director", task(instance), Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Event_QuarterEnd");
		assertThat(job("Event_QuarterEnd", instance).getDuedate()).isEqualTo(BusinessTime.startOf(LocalDate.of(year, 4, 1)));

		String product = jdbc.queryForObject("SELECT code FROM product WHERE brand = ? ORDER BY code FETCH FIRST 1 ROWS ONLY", String.class, brand[0]);
		jdbc.update("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, 123)", product, LocalDate.of(year, 2, 15));
		try {
			execute(job("Event_QuarterEnd", instance));
			assertThat(instance).isWaitingAt("Task_EvaluateQuarter");
			assertThat(taskService.getVariable(task(instance).getId(), "quarterSummary").toString()).contains("第 1 季").contains("銷量 123 條");
			assertThat(complete("brandmgr", task(instance), Map.of("priceRealisation", "120", "evaluation", "x")).getBody()).contains("價格到位率");
			assertThat(complete("brandmgr", task(instance), Map.of("priceRealisation", "96.5", "evaluation", "覆蓋率未達標，二季度加強終端陳列"))
					.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(instance).isWaitingAt("Event_QuarterEnd");
			assertThat(cultivations.quarters(number).get(0)).satisfies(q -> {
				assertThat(q.actualCartons()).isEqualTo(123);
				assertThat(q.actualRealisation()).isEqualByComparingTo("96.5");
				assertThat(q.evaluatedBy()).isEqualTo("brandmgr");
			});
			assertThat(job("Event_QuarterEnd", instance).getDuedate()).isEqualTo(BusinessTime.startOf(LocalDate.of(year, 7, 1)));
			execute(job("Event_QuarterEnd", instance));
			assertThat(complete("brandmgr", task(instance), Map.of("priceRealisation", "97", "evaluation", "達標")).getStatusCode())
					.isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(instance).isEnded().hasPassed("Event_PlanCompleted");
			assertThat(cultivations.cultivation(number).status()).isEqualTo(BrandCultivations.Status.COMPLETED);
			assertThat(cultivations.ofBrand(brand[0])).extracting(BrandCultivations.Cultivation::number).contains(number);
			assertThat(cultivations.history(number)).extracting(e -> e.type().name()).containsExactly("SUBMIT", "RETURN", "RESUBMIT", "APPROVE",
					"SUBMIT", "SUBMIT");
			mvc.perform(get("/brands/cultivations/" + number).with(user("director").authorities(() -> "centerDirector"))).andExpect(status().isOk())
					.andExpect(content().string(containsString("覆蓋率未達標"))).andExpect(content().string(containsString("123")));
			mvc.perform(get("/brands/{b}", brand[0]).with(user("director").authorities(() -> "centerDirector"))).andExpect(status().isOk())
					.andExpect(content().string(containsString(number)));
		}
		finally {
			jdbc.update("DELETE FROM daily_sales WHERE product_code = ? AND sales_date = ?", product, LocalDate.of(year, 2, 15));
		}
	}

	@Test
	void returnedAndWithdrawn() {
		String[] brand = brand(1);
		ProcessInstance instance = start("brandmgr", List.of("brandManager"), form(brand, LocalDate.now(clock).getYear() + 1, "Q3 20 5000 90"));
		assertThat(complete("director", task(instance), Map.of("decision", "RETURN", "comment", "先做市場調研")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> withdraw = new HashMap<>(taskService.getVariables(task(instance).getId(),
				List.of("brand", "manufacturerCode", "planYear", "goals", "measures")));
		withdraw.put("reviseAction", "WITHDRAW");
		assertThat(complete("brandmgr", task(instance), withdraw).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isEnded().hasPassed("Event_PlanWithdrawn");
		assertThat(cultivations.cultivation(instance.getBusinessKey()).status()).isEqualTo(BrandCultivations.Status.WITHDRAWN);
	}

	@Test
	void whatAPlanMustBeAndTheDrafterNeverApproves() {
		String[] brand = brand(2);
		int thisYear = LocalDate.now(clock).getYear();
		assertThat(startByRest("brandmgr", form(brand, thisYear + 1, "Q5 10 100 90")).getBody()).contains("季度 覆蓋率%");
		assertThat(startByRest("brandmgr", form(brand, thisYear + 1, "Q1 120 100 90")).getBody()).contains("0 至 100");
		assertThat(startByRest("brandmgr", form(brand, thisYear, "Q1 10 100 90")).getBody()).contains("已經結束");
		assertThat(startByRest("brandmgr", form(brand, thisYear + 3, "Q1 10 100 90")).getBody()).contains("今年或明年");
		String other = jdbc.queryForObject("SELECT code FROM manufacturer WHERE code <> ? ORDER BY code FETCH FIRST 1 ROWS ONLY", String.class,
				brand[1]);
		assertThat(startByRest("brandmgr", form(new String[] {brand[0], other}, thisYear + 1, "Q1 10 100 90")).getBody()).contains("沒有");
		assertThat(startByRest("brandmgr", form(new String[] {brand[0], "不存在的煙廠"}, thisYear + 1, "Q1 10 100 90")).getBody()).contains("找不到工業企業");
		assertThat(startByRest("brandhead", form(brand, thisYear + 1, "Q1 10 100 90")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		String makerName = jdbc.queryForObject("SELECT name FROM manufacturer WHERE code = ?", String.class, brand[1]);
		ProcessInstance byName = start("brandmgr", List.of("brandManager"), form(new String[] {brand[0], makerName}, thisYear + 1, "Q1 10 100 90"));
		assertThat(cultivations.cultivation(byName.getBusinessKey()).manufacturerCode()).as("the manufacturer found by its name").isEqualTo(brand[1]);
		runtimeService.deleteProcessInstance(byName.getId(), "test done");
		jdbc.update("UPDATE brand_cultivation SET status = 'WITHDRAWN' WHERE cultivation_number = ?", byName.getBusinessKey());

		List<String> both = List.of("brandManager", "centerDirector");
		ProcessInstance own = start("boss", both, form(brand, thisYear + 1, "Q1 10 100 90"));
		assertThat(startByRest("brandmgr", form(brand, thisYear + 1, "Q2 10 100 90")).getBody()).as("one plan per brand and year")
				.contains("已有培育方案");
		Task approval = task(own);
		ActingUsers.as(identityService, "boss", both, () -> {
			assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("decision", "APPROVE"))).hasMessageContaining("不能審批自己的");
			return null;
		});
		assertThat(cultivations.cultivation(own.getBusinessKey()).status()).isEqualTo(BrandCultivations.Status.APPROVING);
		runtimeService.deleteProcessInstance(own.getId(), "test done");
		jdbc.update("UPDATE brand_cultivation SET status = 'WITHDRAWN' WHERE cultivation_number = ?", own.getBusinessKey());
	}

	/** A brand and the manufacturer that makes it, a different one for each test (one plan per brand and year). */
	private String[] brand(int index) {
		Map<String, Object> row = jdbc.queryForList("""
				SELECT brand, MIN(manufacturer_code) AS m FROM product WHERE status = 'ACTIVE' GROUP BY brand ORDER BY brand""").get(10 + index);
		return new String[] {(String) row.get("brand"), (String) row.get("m")};
	}

	private static Map<String, Object> form(String[] brand, int year, String goals) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("brand", brand[0]);
		form.put("manufacturerCode", brand[1]);
		form.put("planYear", String.valueOf(year));
		form.put("goals", goals);
		form.put("measures", "一至十二檔客戶重點投放，終端陳列和推介會");
		form.put("support", "工業企業提供陳列物料");
		return form;
	}

	private ProcessInstance start(String user, List<String> groups, Map<String, Object> form) {
		return ActingUsers.as(identityService, user, groups, () -> runtimeService.startProcessInstanceByKey(BrandCultivations.PROCESS_ID, form));
	}

	private ResponseEntity<String> startByRest(String user, Map<String, Object> form) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/" + BrandCultivations.PROCESS_ID + "/submit-form",
				JsonBody.variables(form), String.class);
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers),
				String.class);
	}
}
