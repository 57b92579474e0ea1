package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDateTime;
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
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.TasklistForm;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Both paths of limit-exception.bpmn: an exception approved by the seat leader lets that retailer order
 * more of that product this week (and no other retailer); one refused changes nothing.
 */
@IntegrationTest
class LimitExceptionProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@Test
	void anApprovedExceptionRaisesOneRetailersLimitForTheWeekARefusedOneNothing() throws Exception {
		List<String> retailers = TodaysRoute.forClerk(jdbc, "T-LEX", "clerk1", 2);
		String limited = jdbc.queryForObject("""
				SELECT MIN(p.code) FROM product p JOIN stock s ON s.product_code = p.code
				WHERE p.status = 'ACTIVE' AND s.on_hand - s.reserved > 1000
				  AND NOT EXISTS (SELECT 1 FROM allocation_limit a WHERE a.product_code = p.code)
				  AND NOT EXISTS (SELECT 1 FROM shortage_case c WHERE c.product_code = p.code)""", String.class);
		TodaysRoute.limit(jdbc, "SS-TEST-LEX", limited, 2);
		String retailer = retailers.get(0);
		assertThat(order(retailer, limited, 2).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(order(retailer, limited, 1).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		ResponseEntity<String> asked = ask("clerk1", retailer, limited, 3, "婚宴用煙，客戶提供了請柬");
		assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String number = json.readTree(asked.getBody()).path("exceptionNumber").asText();
		assertThat(number).matches("LE-\\d{4}-\\d{2}-\\d{3}");
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
		assertThat(instance).isWaitingAt("Task_ReviewLimitException");
		Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(taskService.getVariableLocal(review.getId(), "exceptionSummary")).asString().contains("多訂 3 條").contains("婚宴用煙");

		assertThatThrownBy(() -> complete(review, "seatlead", Map.of("decision", "REJECT"))).hasMessageContaining("必須填寫審核意見");
		complete(review, "seatlead", Map.of("decision", "APPROVE", "comment", "同意，僅限本週"));
		assertThat(instance).isEnded().hasPassed("Event_ExceptionGranted");

		assertThat(order(retailer, limited, 3).getStatusCode()).as("the limit is now 5 for this retailer").isEqualTo(HttpStatus.CREATED);
		ResponseEntity<String> over = order(retailer, limited, 1);
		assertThat(over.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(over.getBody()).contains("本週限量 5 條，尚可訂 0 條");
		assertThat(order(retailers.get(1), limited, 3).getStatusCode()).as("another retailer keeps the tier's limit")
				.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		String second = json.readTree(ask("clerk1", retailer, limited, 10, "客戶要囤貨").getBody()).path("exceptionNumber").asText();
		ProcessInstance refused = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(second).singleResult();
		complete(taskService.createTaskQuery().processInstanceId(refused.getId()).singleResult(), "seatlead",
				Map.of("decision", "REJECT", "comment", "囤貨不符合投放原則"));
		assertThat(refused).isEnded().hasPassed("Event_ExceptionRefused");
		assertThat(order(retailer, limited, 1).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

	@Test
	void whatCannotBeAskedIsRefusedInChinese() throws Exception {
		List<String> retailers = TodaysRoute.forClerk(jdbc, "T-LEX2", "clerk1", 1);
		String free = jdbc.queryForObject("""
				SELECT MAX(p.code) FROM product p WHERE p.status = 'ACTIVE'
				  AND NOT EXISTS (SELECT 1 FROM allocation_limit a WHERE a.product_code = p.code)""", String.class);
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM limit_exception", Long.class);
		ResponseEntity<String> noLimit = ask("clerk1", retailers.get(0), free, 2, "客戶要");
		assertThat(noLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noLimit.getBody()).contains("沒有限量");
		assertThat(ask("clerk1", retailers.get(0), free, 2, " ").getBody()).contains("請說明理由");
		assertThat(ask("clerk1", retailers.get(0), free, -2, "客戶要").getBody()).contains("超出限量的條數");
		String elsewhere = jdbc.queryForObject("SELECT MIN(code) FROM retailer WHERE route_code NOT LIKE 'T-%'", String.class);
		assertThat(ask("clerk1", elsewhere, free, 2, "客戶要").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(ask("seatlead", retailers.get(0), free, 2, "客戶要").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM limit_exception", Long.class)).isEqualTo(before);
	}

	private void complete(Task task, String user, Map<String, Object> answers) {
		ActingUsers.as(identityService, user, List.of("seatLeader"),
				() -> taskService.complete(task.getId(), TasklistForm.submission(engine, task.getId(), new HashMap<>(answers))));
	}

	private ResponseEntity<String> ask(String user, String retailer, String product, int cartons, String reason) throws Exception {
		return post(user, "/api/limit-exceptions", json.writeValueAsString(Map.of("retailerCode", retailer, "productCode", product,
				"cartons", cartons, "reason", reason)));
	}

	private ResponseEntity<String> order(String retailer, String product, int cartons) throws Exception {
		LocalDateTime now = LocalDateTime.now(BusinessTime.ZONE);
		return post("clerk1", "/api/orders", json.writeValueAsString(Map.of("retailerCode", retailer, "outcome", "CONNECTED",
				"startedAt", now.minusMinutes(1).toString(), "endedAt", now.toString(), "paymentReminded", true,
				"lines", List.of(Map.of("productCode", product, "cartons", cartons)))));
	}

	private ResponseEntity<String> post(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
	}
}
