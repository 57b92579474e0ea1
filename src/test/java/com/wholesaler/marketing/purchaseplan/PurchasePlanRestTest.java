package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;
import static com.wholesaler.marketing.JsonBody.json;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;

/** The purchase plan through the engine REST API, as the real demo users, with authorization on. */
@IntegrationTest
class PurchasePlanRestTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	PurchasePlans plans;

	private TestRestTemplate as(String user) {
		return rest.withBasicAuth(user, "demo");
	}

	@SuppressWarnings("unchecked")
	private String openTaskId(String user, String instanceId) {
		ResponseEntity<List> tasks = as(user).getForEntity("/engine-rest/task?processInstanceId=" + instanceId, List.class);
		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tasks.getBody()).as(user + " sees the open task").hasSize(1);
		return ((Map<String, Object>) tasks.getBody().get(0)).get("id").toString();
	}

	private ResponseEntity<String> complete(String user, String taskId, String variables) {
		return as(user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
				json("{\"variables\":" + variables + "}"), String.class);
	}

	private static String decision(String decision, String comment) {
		return "{\"decision\":{\"value\":\"" + decision + "\"},\"comment\":{\"value\":\"" + comment + "\"}}";
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDemoUsersTakeAPlanFromDraftToApproval() {
		ResponseEntity<Map> started = as("supply").postForEntity(
				"/engine-rest/process-definition/key/" + PurchasePlanProcess.PROCESS_ID + "/start",
				json("{\"variables\":{\"period\":{\"value\":\"" + YearMonth.now().plusMonths(1) + "\"},"
						+ "\"note\":{\"value\":\"REST 測試\"}}}"), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instanceId = started.getBody().get("id").toString();
		String planNumber = started.getBody().get("businessKey").toString();
		assertThat(planNumber).startsWith("PP-");

		String draft = openTaskId("supply", instanceId);
		assertThat(as("clerk1").getForEntity("/engine-rest/task?processInstanceId=" + instanceId, List.class).getBody())
				.as("a phone clerk does not see the plan's tasks").isEmpty();
		assertThat(complete("supply", draft, "{\"draftAction\":{\"value\":\"SUBMIT\"}}").getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);

		String check = openTaskId("genadmin", instanceId);
		assertThat(complete("supply", check, decision("APPROVE", "自己批")).getStatusCode())
				.as("the drafter cannot work another role's task").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(as("clerk1").getForEntity("/engine-rest/task?processInstanceId=" + instanceId, List.class).getBody())
				.isEmpty();

		ResponseEntity<String> noComment = complete("genadmin", check, decision("RETURN", ""));
		assertThat(noComment.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(noComment.getBody()).contains("必須填寫審核意見");

		assertThat(complete("genadmin", check, decision("APPROVE", "數量合理")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("brandhead", openTaskId("brandhead", instanceId), decision("APPROVE", "")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("director", openTaskId("director", instanceId), decision("APPROVE", "同意")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("executive", openTaskId("executive", instanceId), decision("APPROVE", "同意執行")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(plans.plan(planNumber).status()).isEqualTo(PlanStatus.APPROVED);
		assertThat(plans.history(planNumber)).extracting(ApprovalEvent::actor)
				.containsExactly("supply", "supply", "genadmin", "brandhead", "director", "executive");
	}
}
