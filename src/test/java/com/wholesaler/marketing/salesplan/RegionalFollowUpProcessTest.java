package com.wholesaler.marketing.salesplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Every path of regional-follow-up.bpmn, from the plan page: a region heading for less than 90 % of this
 * month's plan is followed up (once while open, by the brand-planning head or the director, never a
 * region on pace); three working days without an answer remind it; its measures end the follow-up and
 * show on the page. The month's approved plan is written here in SQL; everything is rolled back.
 */
@IntegrationTest
@Transactional
class RegionalFollowUpProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RegionalFollowUps followUps;

	@Autowired
	SalesPlanProgress progress;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.boot.test.web.client.TestRestTemplate rest;

	private final YearMonth month = YearMonth.now(BusinessTime.ZONE);
	private final String number = "SP-" + YearMonth.now(BusinessTime.ZONE);

	@BeforeEach
	void anApprovedPlanForThisMonth() {
		init(engine);
		jdbc.update("DELETE FROM sales_plan_split WHERE plan_number = ?", number);
		jdbc.update("DELETE FROM sales_plan_line WHERE plan_number = ?", number);
		jdbc.update("DELETE FROM sales_plan_ack WHERE plan_number = ?", number);
		if (jdbc.update("UPDATE sales_plan SET status = 'APPROVED' WHERE plan_number = ?", number) == 0) {
			jdbc.update("""
					INSERT INTO sales_plan (plan_number, plan_month, status, drafter, basis, version, created_at, approved_at)
					VALUES (?, ?, 'APPROVED', 'brandhead', '測試', 0, ?, ?)""", number, month.toString(),
					Timestamp.valueOf(LocalDateTime.now()), Timestamp.valueOf(LocalDateTime.now()));
		}
		List<String> products = jdbc.queryForList("SELECT code FROM product WHERE status = 'ACTIVE' ORDER BY code FETCH FIRST 2 ROWS ONLY",
				String.class);
		for (String p : products) {
			jdbc.update("INSERT INTO sales_plan_line (plan_number, product_code, last_year, proposed, planned, capped) VALUES (?, ?, 0, ?, ?, FALSE)",
					number, p, 700_000, 700_000);
			for (String unit : List.of("R01", "R02", "R03", "R04", "R05", "R06", "R07")) {
				jdbc.update("INSERT INTO sales_plan_split (plan_number, product_code, unit_code, cartons) VALUES (?, ?, ?, 100000)", number, p, unit);
			}
		}
	}

	@Test
	void aRegionBehindIsFollowedUpRemindedAndAnswers() throws Exception {
		SalesPlanProgress.Progress now = progress.of(number, LocalDate.now(BusinessTime.ZONE));
		assumeTrue(now.started(), "no working day of this month has gone by yet");
		SalesPlanProgress.Row r01 = now.units().stream().filter(r -> r.key().equals("R01")).findFirst().orElseThrow();
		long ordered = jdbc.queryForObject("""
				SELECT COALESCE(SUM(l.cartons), 0) FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id JOIN retailer r ON r.code = o.retailer_code
				WHERE r.region_code = 'R01' AND o.call_date BETWEEN ? AND ? AND l.product_code IN (SELECT product_code FROM sales_plan_line WHERE plan_number = ?)""",
				Long.class, month.atDay(1), now.asOf(), number);
		assertThat(r01.planned()).isEqualTo(200_000);
		assertThat(r01.actual()).as("counted here from the orders").isEqualTo(ordered);
		assertThat(r01.projected()).isEqualTo(Math.round(ordered * (double) now.workingDays() / now.workingDaysGone()));
		assertThat(r01.behind()).isTrue();

		assertThat(refused("genadmin", "generalAdmin", "R01")).as("not the general administrator").contains("品牌策劃部主任或營銷中心主任");
		assertThat(rest.withBasicAuth("brandhead", "demo").postForEntity("/engine-rest/process-definition/key/" + RegionalFollowUps.PROCESS_ID
				+ "/start", new org.springframework.http.HttpEntity<>("{}", jsonHeaders()), String.class).getStatusCode().value())
				.as("only through the page's checks, never started through the engine").isEqualTo(403);
		assertThat(refused("brandhead", "brandPlanningHead", "R08")).as("R08 has no plan, so is not behind").contains("無需督辦");
		mvc.perform(post("/sales-plans/" + number + "/follow-ups").param("unit", "R01").param("note", "請說明原因和措施")
				.with(user("brandhead").authorities(() -> "brandPlanningHead")).with(csrf()))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		RegionalFollowUps.FollowUp followUp = followUps.of(number).get(0);
		assertThat(followUp.unitCode()).isEqualTo("R01");
		assertThat(followUp.projected()).isEqualTo(r01.projected());
		assertThat(refused("director", "centerDirector", "R01")).as("one open follow-up per region").contains("已有未答覆的督辦");

		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(followUp.number()).singleResult();
		assertThat(instance).isWaitingAt("Task_AnswerFollowUp");
		Task answer = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(taskService.getVariableLocal(answer.getId(), "caseSummary")).asString().contains("城東").contains("200,000");

		// three working days without an answer: reminded, still waiting
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
		assertThat(instance).hasPassed("Task_RemindRegion", "Event_Reminded").isWaitingAt("Task_AnswerFollowUp");
		assertThat(followUps.followUp(followUp.number()).remindedAt()).isNotNull();

		ActingUsers.as(identityService, "regional1", List.of("regionalMarketing"), () -> {
			assertThatThrownBy(() -> taskService.complete(answer.getId(), Map.of("measures", " "))).hasMessageContaining("請寫明區域將採取的措施");
			taskService.complete(answer.getId(), Map.of("measures", "加密重點客戶回訪，週五前補訂 2 萬條"));
			return null;
		});
		assertThat(instance).isEnded().hasPassed("Event_FollowUpAnswered");
		assertThat(followUps.followUp(followUp.number()).answer()).contains("加密重點客戶回訪");
		String page = mvc.perform(get("/sales-plans/" + number).with(user("director").authorities(() -> "centerDirector"))).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(followUp.number()).contains("加密重點客戶回訪").contains("按進度預計");
	}

	private static org.springframework.http.HttpHeaders jsonHeaders() {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
		return headers;
	}

	private String refused(String who, String group, String unit) throws Exception {
		var response = mvc.perform(post("/sales-plans/" + number + "/follow-ups").param("unit", unit)
				.with(user(who).authorities(() -> group)).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
