package com.wholesaler.marketing.salesplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.HashMap;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.TasklistForm;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Every path of annual-targets.bpmn: approved at once; returned, revised and approved (superseding the
 * version before); returned and withdrawn. Decisions go through the engine's REST API as Tasklist sends
 * them, and the approval core refuses what the rules do not allow.
 */
@IntegrationTest
class AnnualTargetsProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AnnualTargets targets;

	@Autowired
	com.wholesaler.marketing.web.PendingApprovals pending;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	/** The year after this one: no other test drafts targets for it. */
	private final int year = LocalDate.now(BusinessTime.ZONE).getYear() + 1;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@Test
	void approvedAtOnceThenARevisionReturnedRevisedAndApprovedSupersedesIt() {
		ProcessInstance first = draft("director", figures("1200000", "980000.5", "12.5", "38", "29000"));
		String v1 = first.getBusinessKey();
		assertThat(v1).matches("NT-%d-v\\d+".formatted(year));
		int version = Integer.parseInt(v1.substring(v1.indexOf("-v") + 2));
		assertThat(first).isWaitingAt("Task_ApproveTargets");
		Task approval = task(first);
		assertThat(taskService.getVariableLocal(approval.getId(), "targetSummary")).asString().contains("1,200,000 條").contains("980000.50 萬元");
		// 待我審批 (also on a phone) shows the executive the figures and links the case's page
		assertThat(pending.of("executive").decisions()).filteredOn(p -> p.taskId().equals(approval.getId())).singleElement()
				.satisfies(p -> {
					assertThat(p.summary()).contains("1,200,000 條");
					assertThat(p.caseUrl()).isEqualTo("/targets/" + v1);
				});
		assertThatThrownBy(() -> draft("director", figures("1", "1", "1", "1", "1"))).as("one version in approval at a time")
				.hasMessageContaining("已有一個版本在審定中");

		assertThat(complete("director", approval, Map.of("decision", "APPROVE")).getBody()).as("not the executive").contains("分管領導");
		// a variable the form does not have (another case's number) is refused before anything is decided
		assertThat(complete("executive", approval, Map.of("decision", "APPROVE", "targetNumber", "NT-2020-v1")).getStatusCode())
				.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(targets.target(v1).status()).isEqualTo(AnnualTargets.Status.SUBMITTED);
		assertThat(complete("executive", approval, Map.of("decision", "APPROVE", "comment", "同意")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(first).isEnded().hasPassed("Event_TargetsApproved");
		assertThat(targets.approved(year)).get().extracting(AnnualTargets.AnnualTarget::targetNumber).isEqualTo(v1);

		// during the year: a new version, returned, revised, approved
		ProcessInstance second = draft("director", figures("1250000", "1010000", "12.8", "40", "29500"));
		String v2 = second.getBusinessKey();
		assertThat(v2).isEqualTo("NT-%d-v%d".formatted(year, version + 1));
		ResponseEntity<String> noComment = complete("executive", task(second), Map.of("decision", "RETURN"));
		assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noComment.getBody()).contains("必須填寫審核意見");
		assertThat(complete("executive", task(second), Map.of("decision", "RETURN", "comment", "一二類煙佔比偏高，請按貨源調整")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(second).isWaitingAt("Task_ReviseTargets");
		Task revise = task(second);
		assertThat(revise.getAssignee()).isEqualTo("director");
		Map<String, Object> changed = new HashMap<>(figures("1250000", "1010000", "12.8", "36", "29500"));
		changed.put("reviseAction", "RESUBMIT");
		changed.put("year", String.valueOf(year - 1));
		assertThat(complete("director", revise, changed).getBody()).as("the year stays").contains("不能改變年度");
		changed.put("year", String.valueOf(year));
		changed.put("premiumShare", "136");
		assertThat(complete("director", revise, changed).getBody()).contains("一二類煙佔比");
		changed.put("premiumShare", "36");
		assertThat(complete("director", revise, changed).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(second).isWaitingAt("Task_ApproveTargets").hasPassed("Task_ReviseTargets", "Gateway_ToApproval");
		assertThat(targets.target(v2).premiumShare()).isEqualByComparingTo("36");
		assertThat(complete("executive", task(second), Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(second).isEnded().hasPassed("Event_TargetsApproved");
		assertThat(targets.target(v1).status()).isEqualTo(AnnualTargets.Status.SUPERSEDED);
		assertThat(targets.approved(year)).get().extracting(AnnualTargets.AnnualTarget::targetNumber).isEqualTo(v2);
		assertThat(targets.history(v2)).extracting(e -> e.type().name()).containsExactly("SUBMIT", "RETURN", "RESUBMIT", "APPROVE");

		// the pages: every version with its status, and a version's figures with its approval sheet
		assertThat(page("/targets", "brandhead", "brandPlanningHead")).contains(v1).contains(v2).contains("已被新版本取代").contains("已審定");
		String page = page("/targets/" + v2, "executive", "executive");
		assertThat(page).contains("1,250,000").contains("36.00%").contains("一二類煙佔比偏高，請按貨源調整").contains("修改後重新提交");
	}

	@Test
	void returnedAndWithdrawnAndTheDrafterNeverApprovesTheirOwn() {
		// someone holding both roles drafts: the approval core refuses their own approval
		ProcessInstance own = ActingUsers.as(identityService, "executive", List.of("centerDirector", "executive"),
				() -> runtimeService.startProcessInstanceByKey(AnnualTargets.PROCESS_ID, figures("1000000", "900000", "12", "35", "28000")));
		String number = own.getBusinessKey();
		assertThat(complete("executive", task(own), Map.of("decision", "APPROVE")).getBody()).contains("不能審批自己的");
		assertThat(targets.target(number).status()).isEqualTo(AnnualTargets.Status.SUBMITTED);
		// the refused attempt changed nothing, but is kept for the director's rules panel
		assertThat(jdbc.queryForObject("SELECT actor FROM refused_own_decision WHERE case_number = ?", String.class, number)).isEqualTo("executive");

		ActingUsers.as(identityService, "boss2", List.of("executive"),
				() -> taskService.complete(task(own).getId(), TasklistForm.submission(engine, task(own).getId(),
						new HashMap<>(Map.of("decision", "RETURN", "comment", "請主任本人擬訂")))));
		assertThat(own).isWaitingAt("Task_ReviseTargets");
		Task revise = task(own);
		assertThat(complete("director", revise, Map.of("reviseAction", "WITHDRAW")).getBody()).as("only the drafter, who holds the task")
				.contains("已由 executive 認領");
		ActingUsers.as(identityService, "executive", List.of("centerDirector", "executive"),
				() -> taskService.complete(revise.getId(), TasklistForm.submission(engine, revise.getId(),
						new HashMap<>(Map.of("reviseAction", "WITHDRAW")))));
		assertThat(own).isEnded().hasPassed("Event_TargetsWithdrawn");
		assertThat(targets.target(number).status()).isEqualTo(AnnualTargets.Status.WITHDRAWN);
	}

	@Test
	void onlyTheDirectorDraftsAndWhatNoTargetCanBeIsRefused() {
		assertThat(startByRest("supply").getStatusCode()).as("not a starter of the process").isEqualTo(HttpStatus.FORBIDDEN);
		long versions = targets.all().size();
		ResponseEntity<String> missing = startByRest("director");
		assertThat(missing.getStatusCode()).as("required fields of the start form left out").isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<String> huge = post("director", "/engine-rest/process-definition/key/" + AnnualTargets.PROCESS_ID + "/start",
				"{\"variables\":{\"year\":{\"value\":\"%d\"},\"cartons\":{\"value\":\"99999999999999999999999\"},\"salesAmount\":{\"value\":\"1\"},"
						.formatted(year) + "\"grossMargin\":{\"value\":\"10\"},\"premiumShare\":{\"value\":\"30\"},\"activeRetailers\":{\"value\":\"100\"}}}");
		assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(huge.getBody()).doesNotContain("Exception");
		assertThat(targets.all()).hasSize((int) versions);
		assertThatThrownBy(() -> draft("director", figures("-5", "1", "1", "1", "1"))).hasMessageContaining("銷量目標（條）(cartons)必須大於 0");
		assertThatThrownBy(() -> draft("director", figures("5", "1", "100", "1", "1"))).hasMessageContaining("毛利率");
		assertThatThrownBy(() -> draft("director", figures("5", "一百萬", "10", "1", "1"))).hasMessageContaining("不是數字");
		Map<String, Object> past = new HashMap<>(figures("5", "1", "10", "1", "1"));
		past.put("year", "2020");
		assertThatThrownBy(() -> draft("director", past)).hasMessageContaining("年度應為");
		assertThatThrownBy(() -> ActingUsers.as(identityService, "supply", List.of("supplyManager"),
				() -> runtimeService.startProcessInstanceByKey(AnnualTargets.PROCESS_ID, figures("5", "1", "10", "1", "1"))))
				.hasMessageContaining("CREATE_INSTANCE");
	}

	private String page(String path, String user, String group) {
		try {
			return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user).authorities(() -> group)))
					.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private Map<String, Object> figures(String cartons, String amount, String margin, String share, String retailers) {
		return Map.of("year", String.valueOf(year), "cartons", cartons, "salesAmount", amount, "grossMargin", margin, "premiumShare", share,
				"activeRetailers", retailers, "note", "穩量提質，一二類煙提升結構");
	}

	private ProcessInstance draft(String user, Map<String, Object> figures) {
		return ActingUsers.as(identityService, user, List.of("centerDirector"),
				() -> runtimeService.startProcessInstanceByKey(AnnualTargets.PROCESS_ID, figures));
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	/** Completes the task through the engine's REST API as Tasklist does, with the form's answers. */
	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		StringBuilder variables = new StringBuilder();
		answers.forEach((k, v) -> variables.append(variables.length() == 0 ? "" : ",").append("\"%s\":{\"value\":\"%s\"}".formatted(k, v)));
		return post(user, "/engine-rest/task/" + task.getId() + "/submit-form", "{\"variables\":{" + variables + "}}");
	}

	private ResponseEntity<String> startByRest(String user) {
		return post(user, "/engine-rest/process-definition/key/" + AnnualTargets.PROCESS_ID + "/start",
				"{\"variables\":{\"year\":{\"value\":\"%d\"},\"cartons\":{\"value\":\"1\"}}}".formatted(year));
	}

	private ResponseEntity<String> post(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
	}
}
