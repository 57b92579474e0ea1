package com.wholesaler.marketing.approval;

import static com.wholesaler.marketing.JsonBody.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.PortalSession;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.pricing.PriceAdjustmentProcess;

/**
 * What a hostile colleague tries through the engine's REST API (the one Tasklist and Modeler use),
 * as the demo users, on a price proposal: each attempt is refused with a sentence in Chinese and
 * changes nothing. Every test here failed on the code before the engine API guard.
 */
@IntegrationTest
class EngineApiIntegrityTest {

	/** Products no other test's proposal holds: a product may be in one open proposal only. */
	private static final AtomicInteger NEXT_PRODUCT = new AtomicInteger(370);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	private TestRestTemplate as(String user) {
		return rest.withBasicAuth(user, "demo");
	}

	/** An active product no open proposal holds (other test classes propose too, in the same database). */
	private Product freshProduct() {
		List<Product> active = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive).toList();
		Set<String> held = new HashSet<>(jdbc.queryForList("""
				SELECT l.product_code FROM price_proposal_line l JOIN price_proposal p ON p.proposal_number = l.proposal_number
				WHERE p.status NOT IN ('EFFECTIVE', 'REJECTED', 'WITHDRAWN', 'REFUSED')""", String.class));
		Product p;
		do {
			p = active.get(NEXT_PRODUCT.getAndIncrement() % active.size());
		}
		while (held.contains(p.code()));
		return p;
	}

	/** genadmin proposes wholesale and retail times the factor, through REST as Tasklist's start form would. */
	@SuppressWarnings("unchecked")
	private String propose(Product p, String factor) {
		String line = "%s %s %s".formatted(p.code(), times(p.wholesalePrice(), factor), times(p.retailPrice(), factor));
		ResponseEntity<Map> started = as("genadmin").postForEntity("/engine-rest/process-definition/key/priceAdjustment/start",
				json(startBody(line, "")), Map.class);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		return started.getBody().get("id").toString();
	}

	private static String startBody(String line, String more) {
		return "{\"variables\":{\"lines\":{\"value\":\"" + line + "\"},\"reason\":{\"value\":\"周邊市場價格變動\"},"
				+ "\"effectiveDate\":{\"value\":\"" + LocalDate.now().plusDays(10) + "\"}}" + more + "}";
	}

	private static String times(BigDecimal price, String factor) {
		return price.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private Task openTask(String instanceId, String taskKey) {
		return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();
	}

	private ResponseEntity<Map> complete(String user, Task task, String variables) {
		return as(user).exchange("/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
				json("{\"variables\":" + variables + "}"), Map.class);
	}

	private static String decision(String decision, String comment) {
		return "{\"decision\":{\"value\":\"" + decision + "\"},\"comment\":{\"value\":\"" + comment + "\"}}";
	}

	private String toDirector(Product p, String factor) {
		String instanceId = propose(p, factor);
		assertThat(complete("brandhead", openTask(instanceId, PriceAdjustmentProcess.TASK_REVIEW), decision("APPROVE", ""))
				.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR)).isNotNull();
		return instanceId;
	}

	/** A refusal as the users read it: 400, Chinese first, no engine prefix, id, class name or stack. */
	private static void refusedInChinese(ResponseEntity<Map> response, String expected) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		String message = response.getBody().get("message").toString();
		assertThat(message).contains(expected).doesNotContain("Cannot ").doesNotContain("Exception").doesNotContain("at org.");
		assertThat(message.codePointAt(0)).as("Chinese first").isGreaterThan(0x2E80);
		assertThat(response.getBody().get("type").toString()).doesNotContain("Exception");
	}

	@Test
	void noRoleMovesACasePastItsApproversByInstanceModification() {
		Product p = freshProduct();
		String instanceId = propose(p, "1.02");
		String modification = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ApplyPricesNow\"},"
				+ "{\"type\":\"cancel\",\"activityId\":\"Task_ReviewProposal\"}]}";
		for (String user : List.of("genadmin", "director", "owner", "platform")) {
			ResponseEntity<Map> refused = as(user).exchange("/engine-rest/process-instance/" + instanceId + "/modification",
					HttpMethod.POST, json(modification), Map.class);
			assertThat(refused.getStatusCode().is4xxClientError()).as(user + ": " + refused.getBody()).isTrue();
		}
		assertThat(openTask(instanceId, PriceAdjustmentProcess.TASK_REVIEW)).as("still waiting for the review").isNotNull();
		assertThat(catalog.product(p.code()).orElseThrow().wholesalePrice()).isEqualByComparingTo(p.wholesalePrice());

		ResponseEntity<Map> byIntegration = as("platform").exchange("/engine-rest/process-instance/" + instanceId + "/modification",
				HttpMethod.POST, json(modification), Map.class);
		refusedInChinese(byIntegration, "只有系統管理員");
	}

	@Test
	void routingIsReadFromTheStoredCaseNotFromVariables() {
		Product p = freshProduct();
		String instanceId = toDirector(p, "1.15");
		Task approval = openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR);
		for (String user : List.of("genadmin", "brandhead", "director", "owner", "platform")) {
			ResponseEntity<String> put = as(user).exchange("/engine-rest/process-instance/" + instanceId + "/variables/needsExecutive",
					HttpMethod.PUT, json("{\"value\":false,\"type\":\"Boolean\"}"), String.class);
			assertThat(put.getStatusCode().is4xxClientError()).as(user + ": " + put.getBody()).isTrue();
			ResponseEntity<String> taskVariable = as(user).exchange("/engine-rest/task/" + approval.getId() + "/variables/decision",
					HttpMethod.PUT, json("{\"value\":\"APPROVE_URGENT\"}"), String.class);
			assertThat(taskVariable.getStatusCode().is4xxClientError()).as(user + ": " + taskVariable.getBody()).isTrue();
		}
		// Even values that only an administrator may write choose no path: the gateways read the stored proposal
		// and the decision the approval core recorded for the signed-in director.
		runtimeService.setVariable(instanceId, "needsExecutive", false);
		runtimeService.setVariable(instanceId, "urgent", true);
		assertThat(complete("director", approval, decision("APPROVE", "同意")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_EXECUTIVE)).as("the executive still decides the large change")
				.isNotNull();
	}

	@Test
	void aCompletionCarriesTheFieldsOfItsFormAndNothingElse() {
		Product p = freshProduct();
		String instanceId = toDirector(p, "1.15");
		Task approval = openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR);

		ResponseEntity<Map> skipExecutive = complete("director", approval,
				"{\"decision\":{\"value\":\"APPROVE\"},\"needsExecutive\":{\"value\":false,\"type\":\"Boolean\"}}");
		refusedInChinese(skipExecutive, "needsExecutive");
		ResponseEntity<Map> otherRecord = complete("director", approval,
				"{\"decision\":{\"value\":\"APPROVE\"},\"proposalNumber\":{\"value\":\"JG-2026-0001\"}}");
		refusedInChinese(otherRecord, "proposalNumber");
		ResponseEntity<Map> notAnOption = complete("director", approval, decision("APPROVE_ALL", ""));
		refusedInChinese(notAnOption, "只能選擇");
		assertThat(openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR)).as("nothing changed").isNotNull();

		assertThat(complete("director", approval, decision("APPROVE", "同意")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_EXECUTIVE)).as("the executive decides the large change")
				.isNotNull();
	}

	@Test
	void aReturnNeedsItsCommentAndACommentKeepsToItsLength() {
		Product p = freshProduct();
		String instanceId = propose(p, "1.02");
		Task review = openTask(instanceId, PriceAdjustmentProcess.TASK_REVIEW);

		refusedInChinese(complete("brandhead", review, decision("RETURN", "")), "審核意見");
		refusedInChinese(complete("brandhead", review, "{\"decision\":{\"value\":\"RETURN\"}}"), "審核意見");
		refusedInChinese(complete("brandhead", review, decision("RETURN", "太長".repeat(750))), "最多 1000 字");
		refusedInChinese(complete("brandhead", review, "{}"), "必須填寫");
		assertThat(openTask(instanceId, PriceAdjustmentProcess.TASK_REVIEW)).isNotNull();
	}

	@Test
	void aTaskIsHandedOverOnlyInsideItsRole() {
		Product p = freshProduct();
		String instanceId = propose(p, "1.02");
		Task review = openTask(instanceId, PriceAdjustmentProcess.TASK_REVIEW);

		ResponseEntity<Map> toClerk = as("brandhead").exchange("/engine-rest/task/" + review.getId() + "/assignee",
				HttpMethod.POST, json("{\"userId\":\"clerk1\"}"), Map.class);
		refusedInChinese(toClerk, "品牌策劃部主任");
		ResponseEntity<Map> clerkClaims = as("clerk1").exchange("/engine-rest/task/" + review.getId() + "/claim",
				HttpMethod.POST, json("{\"userId\":\"clerk1\"}"), Map.class);
		assertThat(clerkClaims.getStatusCode().is4xxClientError()).isTrue();
		ResponseEntity<Map> candidate = as("brandhead").exchange("/engine-rest/task/" + review.getId() + "/identity-links",
				HttpMethod.POST, json("{\"groupId\":\"phoneClerk\",\"type\":\"candidate\"}"), Map.class);
		refusedInChinese(candidate, "不能增減角色");
		ResponseEntity<Map> ownerClaims = as("owner").exchange("/engine-rest/task/" + review.getId() + "/claim",
				HttpMethod.POST, json("{\"userId\":\"owner\"}"), Map.class);
		assertThat(ownerClaims.getStatusCode().is4xxClientError()).as("a process owner does not work business tasks").isTrue();
		refusedInChinese(complete("clerk1", review, decision("APPROVE", "")), "您沒有這個角色");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();

		assertThat(as("brandhead").exchange("/engine-rest/task/" + review.getId() + "/claim", HttpMethod.POST,
				json("{\"userId\":\"brandhead\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(as("brandhead").exchange("/engine-rest/task/" + review.getId() + "/unclaim", HttpMethod.POST,
				json("{}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void aCaseStartsAtItsStartEventWithItsStartFormsFields() {
		Product p = freshProduct();
		String line = "%s %s %s".formatted(p.code(), times(p.wholesalePrice(), "1.02"), times(p.retailPrice(), "1.02"));
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("priceAdjustment").count();
		String url = "/engine-rest/process-definition/key/priceAdjustment/start";

		refusedInChinese(as("genadmin").postForEntity(url, json(startBody(line,
				",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ApplyPricesNow\"}]")), Map.class),
				"開始事件");
		refusedInChinese(as("genadmin").postForEntity(url, json(startBody(line, ",\"skipCustomListeners\":true")), Map.class),
				"開始事件");
		refusedInChinese(as("genadmin").postForEntity(url, json("{\"variables\":{\"lines\":{\"value\":\"" + line + "\"},"
				+ "\"reason\":{\"value\":\"漲價\"},\"effectiveDate\":{\"value\":\"" + LocalDate.now().plusDays(10) + "\"},"
				+ "\"needsExecutive\":{\"value\":false,\"type\":\"Boolean\"}}}"), Map.class), "needsExecutive");
		refusedInChinese(as("genadmin").postForEntity("/engine-rest/process-definition/key/priceAdjustment/submit-form",
				json("{\"variables\":{\"lines\":{\"value\":\"" + line + "\"},\"reason\":{\"value\":\"\"}}}"), Map.class), "必須填寫");

		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("priceAdjustment").count()).isEqualTo(before);
	}

	@Test
	void anAcknowledgementIsGivenNotAssumed() {
		Product p = freshProduct();
		String instanceId = toDirector(p, "1.02");
		assertThat(complete("director", openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR),
				decision("APPROVE_URGENT", "先執行後報備")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Task notice = openTask(instanceId, PriceAdjustmentProcess.TASK_ACK_ORDER_DEPT);

		refusedInChinese(complete("orderhead", notice, "{\"acknowledged\":{\"value\":false,\"type\":\"Boolean\"}}"), "必須填寫");
		refusedInChinese(complete("orderhead", notice, "{}"), "必須填寫");
		refusedInChinese(complete("orderhead", notice, "{\"acknowledged\":{\"value\":\"yes\"}}"), "勾選");
		assertThat(complete("orderhead", notice, "{\"acknowledged\":{\"value\":true,\"type\":\"Boolean\"}}").getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void numbersNobodyWritesAreRefusedNotCrashedOn() {
		Product p = freshProduct();
		String url = "/engine-rest/process-definition/key/priceAdjustment/start";
		refusedInChinese(as("genadmin").postForEntity(url, json(startBody(p.code() + " 1E+999999999 2E+999999999", "")), Map.class),
				"不是價格");
		refusedInChinese(as("genadmin").postForEntity(url, json(startBody(p.code() + " 1234567890123 1234567890124", "")), Map.class),
				"太大");
		refusedInChinese(as("genadmin").postForEntity(url, json(startBody(p.code() + " 410.123 460", "")), Map.class),
				"最多兩位小數");
	}

	@Test
	void anAdministratorsInterventionIsOnTheApprovalSheet() throws Exception {
		Product p = freshProduct();
		String instanceId = propose(p, "1.02");
		String number = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
		ResponseEntity<String> moved = as("sysadmin").exchange("/engine-rest/process-instance/" + instanceId + "/modification",
				HttpMethod.POST, json("{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ApproveByDirector\"},"
						+ "{\"type\":\"cancel\",\"activityId\":\"Task_ReviewProposal\"}],\"annotation\":\"審核人長期病假\"}"), String.class);
		assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

		mvc.perform(get("/prices/proposals/" + number).with(user("director").authorities(() -> "centerDirector")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("修改流程步驟")))
				.andExpect(content().string(containsString("ev-ADMIN")));

		// the engine moved, the case did not: the approval core still waits for the review
		refusedInChinese(complete("director", openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR),
				decision("APPROVE", "同意")), "目前不在");

		// the engine writes its log when the intervention commits: the forms of the tasks after it show it
		String other = propose(freshProduct(), "1.02");
		for (boolean suspended : new boolean[] { true, false }) {
			assertThat(as("sysadmin").exchange("/engine-rest/process-instance/" + other + "/suspended", HttpMethod.PUT,
					json("{\"suspended\":" + suspended + "}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		}
		assertThat(complete("brandhead", openTask(other, PriceAdjustmentProcess.TASK_REVIEW), decision("APPROVE", ""))
				.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Task approval = openTask(other, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR);
		assertThat(taskService.getVariableLocal(approval.getId(), "proposalHistory").toString())
				.contains("系統管理員處理").contains("暫停").contains("恢復").contains("sysadmin");
	}

	@Test
	void tasklistsOwnApiRefusesTheSameWayInChinese() {
		Product p = freshProduct();
		String instanceId = toDirector(p, "1.15");
		Task approval = openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR);
		PortalSession director = PortalSession.signIn(port, "director", "demo");
		director.get("/camunda/app/tasklist/default/");
		HttpResponse<String> refused = director.postToWebappApi("/camunda/api/engine/engine/default/task/" + approval.getId()
				+ "/submit-form", "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"needsExecutive\":{\"value\":false,\"type\":\"Boolean\"}}}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("needsExecutive").contains("表單").doesNotContain("Exception").doesNotContain("Cannot ");
		assertThat(openTask(instanceId, PriceAdjustmentProcess.TASK_APPROVE_DIRECTOR)).as("nothing changed").isNotNull();
	}

	@Test
	void lackingRightsIsAnsweredInChineseToo() {
		ResponseEntity<Map> forbidden = as("clerk1").postForEntity("/engine-rest/process-definition/key/priceAdjustment/start",
				json("{\"variables\":{}}"), Map.class);
		assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forbidden.getBody().get("message").toString()).startsWith("您的角色沒有這項權限");
	}
}
