package com.wholesaler.marketing.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.JsonBody;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Every path of work-plan.bpmn: returned, revised, approved, reported at month end; returned and
 * withdrawn. Decisions go through the engine's REST API as Tasklist sends them; the approval core and
 * the plan's own rules refuse what they do not allow, changing nothing.
 */
@IntegrationTest
class WorkPlanProcessTest {

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
	WorkPlans plans;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;


	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private final YearMonth thisMonth = YearMonth.now(BusinessTime.ZONE);
	private final YearMonth nextMonth = thisMonth.plusMonths(1);

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@Test
	void returnedRevisedApprovedAndReportedAtMonthEnd() throws Exception {
		ProcessInstance plan = draft("orderhead", "orderDeptHead", "ORDER", nextMonth, items(nextMonth,
				"訂單計畫量完成率提升到 98%｜seatlead｜20", "新線路試運行｜seatlead｜25"));
		String number = plan.getBusinessKey();
		assertThat(number).startsWith("WP-" + nextMonth + "-");
		assertThat(plan).isWaitingAt("Task_ApproveWorkPlan");
		Task approval = task(plan);
		assertThat(taskService.getVariableLocal(approval.getId(), "caseSummary")).asString().contains("訂單部").contains("共 2 項");

		assertThat(complete("orderhead", approval, Map.of("decision", "APPROVE")).getStatusCode()).as("not the director's role")
				.isNotEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> noComment = complete("director", approval, Map.of("decision", "RETURN"));
		assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noComment.getBody()).contains("必須填寫審核意見");
		assertThat(complete("director", approval, Map.of("decision", "RETURN", "comment", "請加上客戶回訪")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(plan).isWaitingAt("Task_ReviseWorkPlan");
		Task revise = task(plan);
		assertThat(revise.getAssignee()).isEqualTo("orderhead");
		ResponseEntity<String> badDay = complete("orderhead", revise, Map.of("reviseAction", "RESUBMIT",
				"items", "客戶回訪｜seatlead｜" + thisMonth.atDay(1)));
		assertThat(badDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badDay.getBody()).contains("不在 " + nextMonth + " 月內");
		assertThat(plans.plan(number).items()).hasSize(2);
		assertThat(complete("orderhead", revise, Map.of("reviseAction", "RESUBMIT", "items", items(nextMonth,
				"訂單計畫量完成率提升到 98%｜seatlead｜20", "新線路試運行｜seatlead｜25", "重點客戶回訪 50 戶｜clerk1｜28"))).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(plan).isWaitingAt("Task_ApproveWorkPlan").hasPassed("Task_ReviseWorkPlan", "Gateway_ToApproval");
		assertThat(complete("director", task(plan), Map.of("decision", "APPROVE", "comment", "同意")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(plan).isWaitingAt("Event_MonthEnd");
		assertThat(plans.plan(number).status()).isEqualTo(WorkPlans.Status.APPROVED);
		assertThat(desk()).contains(number).contains("執行中");

		Job monthEnd = managementService.createJobQuery().processInstanceId(plan.getId()).singleResult();
		assertThat(monthEnd.getDuedate()).as("the month's last day, 17:00")
				.isEqualTo(java.util.Date.from(nextMonth.atEndOfMonth().atTime(17, 0).atZone(BusinessTime.ZONE).toInstant()));
		managementService.executeJob(monthEnd.getId());
		assertThat(plan).isWaitingAt("Task_ReportPlanProgress");
		Task report = task(plan);
		assertThat(report.getAssignee()).isEqualTo("orderhead");
		assertThat(taskService.getVariable(report.getId(), "outcomes")).isEqualTo("1｜完成｜\n2｜完成｜\n3｜完成｜");
		ResponseEntity<String> noReason = complete("orderhead", report, Map.of("outcomes", "1｜完成\n2｜未完成\n3｜完成"));
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noReason.getBody()).contains("第 2 項未完成，請說明原因");
		ResponseEntity<String> missing = complete("orderhead", report, Map.of("outcomes", "1｜完成\n3｜完成"));
		assertThat(missing.getBody()).contains("第 2 項還沒有填完成情況");
		assertThat(complete("orderhead", report, Map.of("outcomes", "1｜完成\n2｜未完成｜線路系統延期上線\n3｜完成")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(plan).isEnded().hasPassed("Event_PlanClosed");
		WorkPlans.WorkPlan closed = plans.plan(number);
		assertThat(closed.status()).isEqualTo(WorkPlans.Status.CLOSED);
		assertThat(closed.done()).isEqualTo(2);
		assertThat(closed.items().get(1).remark()).isEqualTo("線路系統延期上線");
		assertThat(plans.history(number)).extracting(e -> e.type().name()).containsExactly("SUBMIT", "RETURN", "RESUBMIT", "APPROVE", "MONTH_END");
		assertThat(page("/work-plans/" + number, "director", "centerDirector")).contains("線路系統延期上線").contains("未完成")
				.contains("請加上客戶回訪");
	}

	@Test
	void returnedAndWithdrawn() {
		ProcessInstance plan = draft("brandhead", "brandPlanningHead", "BRAND_PLANNING", nextMonth, items(nextMonth, "新品引入評估｜brandmgr｜15"));
		String number = plan.getBusinessKey();
		assertThat(complete("director", task(plan), Map.of("decision", "RETURN", "comment", "事項太少")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("director", task(plan), Map.of("reviseAction", "WITHDRAW")).getStatusCode()).as("only the drafter")
				.isNotEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("brandhead", task(plan), Map.of("reviseAction", "WITHDRAW")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(plan).isEnded().hasPassed("Event_PlanWithdrawn");
		assertThat(plans.plan(number).status()).isEqualTo(WorkPlans.Status.WITHDRAWN);
		// withdrawn, the department may plan the month again
		ProcessInstance again = draft("brandhead", "brandPlanningHead", "BRAND_PLANNING", nextMonth, items(nextMonth, "新品引入評估｜brandmgr｜15"));
		assertThat(again.getBusinessKey()).isNotEqualTo(number);
		runtimeService.deleteProcessInstance(again.getId(), "test done");
		jdbcWithdraw(again.getBusinessKey());
	}

	@Test
	void whoMayDraftWhatAPlanMustBeAndTheDrafterNeverApproves() {
		assertThat(startByRest("supply").getStatusCode()).as("not a starter of the process").isEqualTo(HttpStatus.FORBIDDEN);
		assertThatThrownBy(() -> draft("orderhead", "orderDeptHead", "BRAND_PLANNING", thisMonth, items(thisMonth, "x｜y｜10")))
				.hasMessageContaining("品牌策劃部的工作計畫由品牌策劃部主任或營銷中心副主任擬訂");
		assertThatThrownBy(() -> draft("orderhead", "orderDeptHead", "ORDER", thisMonth.minusMonths(1), items(thisMonth.minusMonths(1), "x｜y｜10")))
				.hasMessageContaining("應為本月");
		assertThatThrownBy(() -> draft("orderhead", "orderDeptHead", "ORDER", thisMonth, "只有一欄")).hasMessageContaining("三欄");
		assertThatThrownBy(() -> draft("orderhead", "orderDeptHead", "SALES", thisMonth, items(thisMonth, "x｜y｜10")))
				.hasMessageContaining("只能選擇「品牌策劃部」或「訂單部」");
		ResponseEntity<String> huge = post("orderhead", "/engine-rest/process-definition/key/" + WorkPlans.PROCESS_ID + "/start",
				JsonBody.variables(Map.of("department", "ORDER", "month", "2026-123", "items", "x｜y｜2026-12-01")));
		assertThat(huge.getStatusCode()).as("longer than the form allows").isEqualTo(HttpStatus.BAD_REQUEST);

		// the deputy organises the departments' plans; someone holding the director's role too never approves their own
		ProcessInstance own = ActingUsers.as(identityService, "deputy", List.of("deputyDirector", "centerDirector"),
				() -> runtimeService.startProcessInstanceByKey(WorkPlans.PROCESS_ID, Map.of("department", "ORDER", "month", thisMonth.toString(),
						"items", items(thisMonth, "月度訂單分析｜orderhead｜" + Math.min(28, thisMonth.lengthOfMonth())))));
		String number = own.getBusinessKey();
		assertThatThrownBy(() -> draft("orderhead", "orderDeptHead", "ORDER", thisMonth, items(thisMonth, "x｜y｜10")))
				.as("one plan a month").hasMessageContaining("已有工作計畫");
		Task approval = task(own);
		ActingUsers.as(identityService, "deputy", List.of("deputyDirector", "centerDirector"), () -> {
			assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("decision", "APPROVE"))).hasMessageContaining("不能審批自己的");
			return null;
		});
		assertThat(plans.plan(number).status()).isEqualTo(WorkPlans.Status.SUBMITTED);
		assertThat(complete("director", approval, Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(own).isWaitingAt("Event_MonthEnd");
		runtimeService.deleteProcessInstance(own.getId(), "test done");
		jdbcWithdraw(number);
	}

	/** A plan ended by the test leaves its month free for the others. */
	private void jdbcWithdraw(String number) {
		jdbc.update("UPDATE work_plan SET status = 'WITHDRAWN' WHERE plan_number = ?", number);
	}

	private String items(YearMonth month, String... lines) {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			int bar = line.lastIndexOf('｜');
			String day = line.substring(bar + 1);
			text.append(line, 0, bar + 1).append(day.length() <= 2 ? month.atDay(Integer.parseInt(day)).toString() : day).append('\n');
		}
		return text.toString();
	}

	private ProcessInstance draft(String user, String group, String department, YearMonth month, String items) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("department", department);
		form.put("month", month.toString());
		form.put("items", items);
		form.put("note", "月度重點工作");
		return ActingUsers.as(identityService, user, List.of(group), () -> runtimeService.startProcessInstanceByKey(WorkPlans.PROCESS_ID, form));
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private String desk() throws Exception {
		return page("/desk", "director", "centerDirector");
	}

	private String page(String path, String user, String group) {
		try {
			return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user).authorities(() -> group)))
					.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Completes the task through the engine's REST API as Tasklist does, with the form's answers. */
	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		return post(user, "/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers));
	}

	private ResponseEntity<String> startByRest(String user) {
		return post(user, "/engine-rest/process-definition/key/" + WorkPlans.PROCESS_ID + "/start",
				JsonBody.variables(Map.of("department", "ORDER", "month", thisMonth.toString(), "items", "x｜y｜" + thisMonth.atDay(10))));
	}

	private ResponseEntity<String> post(String user, String path, HttpEntity<String> body) {
		return rest.withBasicAuth(user, "demo").postForEntity(path, body, String.class);
	}
}
