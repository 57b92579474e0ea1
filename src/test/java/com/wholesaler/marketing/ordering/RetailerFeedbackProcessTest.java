package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.TasklistForm;

/**
 * Every path of retailer-feedback.bpmn and every rule of feedback-routing.dmn: a price question passed
 * on to the supply side, overdue and urged, answered and told to the retailer; the API as the desk
 * (and a hostile colleague) calls it.
 */
@IntegrationTest
class RetailerFeedbackProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RetailerFeedbacks feedbacks;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	private String retailer() {
		return jdbc.queryForObject("SELECT MAX(code) FROM retailer WHERE status = 'ACTIVE'", String.class);
	}

	private RetailerFeedbacks.Recorded record(String topic, String text) {
		return feedbacks.record("clerk1", Set.of("phoneClerk"), new RetailerFeedbacks.Report(retailer(), topic, null, text));
	}

	private ProcessInstance instance(String number) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
	}

	private Task task(ProcessInstance instance, String key) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	private void complete(Task task, String user, String group, Map<String, Object> answers) {
		ActingUsers.as(identityService, user, List.of(group),
				() -> taskService.complete(task.getId(), TasklistForm.submission(engine, task.getId(), answers)));
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
	}

	@Test
	void aPriceQuestionPassedOnOverdueUrgedAnsweredAndTold() {
		RetailerFeedbacks.Recorded recorded = record("PRICE", "問中華(硬)下週是否漲價");
		assertThat(recorded.feedbackNumber()).matches("KF-\\d{4}-\\d{2}-\\d{3}");
		assertThat(recorded.routedTo()).isEqualTo("generalAdmin");
		ProcessInstance instance = instance(recorded.feedbackNumber());
		assertThat(instance).isWaitingAt("Task_AnswerFeedback");
		Task atAdmin = task(instance, "Task_AnswerFeedback");
		assertThat(candidateGroups(atAdmin)).containsExactly("generalAdmin");
		assertThat(taskService.getVariableLocal(atAdmin.getId(), "feedbackSummary")).asString().contains("問中華(硬)下週是否漲價").contains("價格");

		assertThatThrownBy(() -> complete(atAdmin, "supply", "supplyManager", Map.of("feedbackAction", "ANSWER", "answer", "不漲")))
				.as("another department").isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> complete(atAdmin, "genadmin", "generalAdmin", Map.of("feedbackAction", "PASS_ON", "passTo", "supplyManager")))
				.hasMessageContaining("轉交時請說明原因");
		assertThatThrownBy(() -> complete(atAdmin, "genadmin", "generalAdmin", Map.of("feedbackAction", "PASS_ON", "passTo", "generalAdmin",
				"passComment", "自己")))
				.hasMessageContaining("其他部門");
		assertThatThrownBy(() -> complete(atAdmin, "genadmin", "generalAdmin", new HashMap<>(Map.of("feedbackAction", "ANSWER"))))
				.hasMessageContaining("請填寫給客戶的答覆");
		assertThat(feedbacks.feedback(recorded.feedbackNumber()).answeringGroup()).isEqualTo("generalAdmin");

		complete(atAdmin, "genadmin", "generalAdmin", Map.of("feedbackAction", "PASS_ON", "passTo", "supplyManager",
				"passComment", "問的是到貨，不是價格"));
		Task atSupply = task(instance, "Task_AnswerFeedback");
		assertThat(candidateGroups(atSupply)).containsExactly("supplyManager");
		assertThat(instance).isWaitingAt("Task_AnswerFeedback");

		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).activityId("Event_AnswerOverdue")
				.singleResult().getId());
		assertThat(instance).isWaitingAt("Task_AnswerFeedback", "Task_UrgeAnswer");
		Task urge = task(instance, "Task_UrgeAnswer");
		assertThatThrownBy(() -> complete(urge, "orderhead", "orderDeptHead", new HashMap<>())).hasMessageContaining("已催促");
		complete(urge, "orderhead", "orderDeptHead", Map.of("urged", true));

		complete(atSupply, "supply", "supplyManager", Map.of("feedbackAction", "ANSWER", "answer", "下週三到貨，價格不變"));
		Task tell = task(instance, "Task_TellRetailer");
		assertThat(tell.getAssignee()).isEqualTo("clerk1");
		assertThat(taskService.getVariableLocal(tell.getId(), "feedbackAnswer")).asString().contains("下週三到貨，價格不變");
		assertThat(feedbacks.openFor(retailer())).extracting(RetailerFeedbacks.Feedback::feedbackNumber).contains(recorded.feedbackNumber());
		complete(tell, "clerk1", "phoneClerk", Map.of("told", true));

		assertThat(instance).isEnded().hasPassed("Event_Urged", "Event_Told");
		assertThat(feedbacks.feedback(recorded.feedbackNumber()).status()).isEqualTo(RetailerFeedbacks.Status.TOLD);
		assertThat(feedbacks.steps(recorded.feedbackNumber())).extracting(RetailerFeedbacks.Step::step)
				.containsExactly("RECORDED", "ROUTED", "PASSED_ON", "ANSWERED", "TOLD");
		assertThat(feedbacks.openFor(retailer())).extracting(RetailerFeedbacks.Feedback::feedbackNumber).doesNotContain(recorded.feedbackNumber());
	}

	@Test
	void theRulesTableRoutesEachTopic() {
		Map<String, String> expected = Map.of("PRICE", "generalAdmin", "QUALITY", "generalAdmin", "SUPPLY", "supplyManager", "SERVICE",
				"orderDeptHead", "POLICY", "brandPlanningHead");
		expected.forEach((topic, group) -> {
			RetailerFeedbacks.Recorded r = record(topic, "測試 " + topic);
			assertThat(r.routedTo()).as(topic).isEqualTo(group);
			assertThat(candidateGroups(task(instance(r.feedbackNumber()), "Task_AnswerFeedback"))).containsExactly(group);
			runtimeService.deleteProcessInstance(instance(r.feedbackNumber()).getId(), "test");
		});
	}

	@Test
	void theDeskRecordsFeedbackThroughTheApiAndNothingElseStartsIt() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> created = rest.withBasicAuth("clerk1", "demo").postForEntity("/api/feedback", new HttpEntity<>(
				"{\"retailerCode\":\"" + retailer() + "\",\"topic\":\"supply\",\"text\":\"南京(紅)斷貨兩週了\"}", headers), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).contains("\"routedTo\":\"supplyManager\"");
		assertThat(rest.withBasicAuth("clerk1", "demo").getForEntity("/api/feedback?retailerCode=" + retailer(), String.class).getBody())
				.contains("南京(紅)斷貨兩週了");

		long before = jdbc.queryForObject("SELECT COUNT(*) FROM retailer_feedback", Long.class);
		ResponseEntity<String> badTopic = rest.withBasicAuth("clerk1", "demo").postForEntity("/api/feedback", new HttpEntity<>(
				"{\"retailerCode\":\"" + retailer() + "\",\"topic\":\"WEATHER\",\"text\":\"下雨\"}", headers), String.class);
		assertThat(badTopic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badTopic.getBody()).contains("類別應為");
		ResponseEntity<String> noText = rest.withBasicAuth("clerk1", "demo").postForEntity("/api/feedback", new HttpEntity<>(
				"{\"retailerCode\":\"" + retailer() + "\",\"topic\":\"PRICE\",\"text\":\"\"}", headers), String.class);
		assertThat(noText.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rest.withBasicAuth("director", "demo").postForEntity("/api/feedback", new HttpEntity<>(
				"{\"retailerCode\":\"" + retailer() + "\",\"topic\":\"PRICE\",\"text\":\"試試\"}", headers), String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> byEngine = rest.withBasicAuth("clerk1", "demo").postForEntity("/engine-rest/process-definition/key/retailerFeedback/start",
				new HttpEntity<>("{\"variables\":{\"feedbackNumber\":{\"value\":\"KF-X\"},\"topic\":{\"value\":\"PRICE\"}}}", headers), String.class);
		assertThat(byEngine.getStatusCode().is4xxClientError()).as("only the application starts a feedback case").isTrue();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM retailer_feedback", Long.class)).isEqualTo(before);
	}
}
