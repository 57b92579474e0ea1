package com.wholesaler.marketing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.wholesaler.marketing.JsonBody.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.purchaseplan.PurchasePlanProcess;
import com.wholesaler.marketing.purchaseplan.PurchasePlans;

/**
 * The whole contract life through the engine REST API as the demo users: an approved plan opens a
 * contract per manufacturer; one is drafted, approved, countersigned by message, delivered in two
 * arrivals, invoiced and paid, and completes; stock rose by what arrived.
 */
@IntegrationTest
class ContractRestScenarioTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	PurchasePlans plans;

	@Autowired
	Contracts contracts;

	@Autowired
	Catalog catalog;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ObjectMapper json;

	@Autowired
	ContractInvoices invoices;

	@Autowired
	MockMvc mvc;

	private TestRestTemplate as(String user) {
		return rest.withBasicAuth(user, "demo");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> tasks(String user, String query) {
		ResponseEntity<List> tasks = as(user).getForEntity("/engine-rest/task?" + query, List.class);
		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
		return tasks.getBody();
	}

	private String task(String user, String instanceId, String step) {
		List<Map<String, Object>> open = tasks(user, "processInstanceId=" + instanceId + "&taskDefinitionKey=" + step);
		assertThat(open).as(user + " sees " + step).hasSize(1);
		return open.get(0).get("id").toString();
	}

	private void complete(String user, String instanceId, String step, Map<String, Object> variables) throws Exception {
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
		ResponseEntity<String> done = as(user).exchange("/engine-rest/task/" + task(user, instanceId, step) + "/complete", HttpMethod.POST,
				json(json.writeValueAsString(Map.of("variables", typed))), String.class);
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	@SuppressWarnings("unchecked")
	void fromAnApprovedPlanToACompletedContract() throws Exception {
		ResponseEntity<Map> started = as("supply").postForEntity("/engine-rest/process-definition/key/" + PurchasePlanProcess.PROCESS_ID + "/start",
				json("{\"variables\":{\"period\":{\"value\":\"" + YearMonth.now().plusMonths(2) + "\"},\"note\":{\"value\":\"合同全程\"}}}"), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String planInstance = started.getBody().get("id").toString();
		String planNumber = started.getBody().get("businessKey").toString();
		complete("supply", planInstance, tasks("supply", "processInstanceId=" + planInstance).get(0).get("taskDefinitionKey").toString(),
				Map.of("draftAction", "SUBMIT"));
		for (String user : List.of("genadmin", "brandhead", "director", "executive")) {
			String step = tasks(user, "processInstanceId=" + planInstance).get(0).get("taskDefinitionKey").toString();
			complete(user, planInstance, step, Map.of("decision", "APPROVE", "comment", "同意"));
		}

		List<String> manufacturers = plans.manufacturersToContract(planNumber);
		List<Map<String, Object>> drafts = tasks("genadmin", "processDefinitionKey=" + ContractProcess.PROCESS_ID
				+ "&taskDefinitionKey=" + ContractProcess.TASK_DRAFT + "&processVariables=planNumber_eq_" + planNumber);
		assertThat(drafts).as("one contract per manufacturer of the plan").hasSize(manufacturers.size()).isNotEmpty();

		String instanceId = drafts.get(0).get("processInstanceId").toString();
		String number = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
		List<ContractLine> lines = contracts.lines(number);
		Map<String, Integer> onHandBefore = new HashMap<>();
		lines.forEach(l -> onHandBefore.put(l.productCode(), catalog.stockPosition(l.productCode()).orElseThrow().onHand()));

		complete("genadmin", instanceId, ContractProcess.TASK_DRAFT, Map.of(ContractProcess.LINE_CHANGES, "", ContractProcess.PAYMENT_TERMS, "托收承付"));
		complete("brandhead", instanceId, ContractProcess.TASK_REVIEW, Map.of("decision", "APPROVE", "comment", ""));
		complete("director", instanceId, ContractProcess.TASK_APPROVE, Map.of("decision", "APPROVE", "comment", "同意簽訂"));
		ResponseEntity<String> signed = as("platform").postForEntity("/engine-rest/message", json("{\"messageName\":\"ContractCountersigned\","
				+ "\"businessKey\":\"" + number + "\",\"processVariables\":{\"platformContractNumber\":{\"value\":\"ZY-FULL-1\"}}}"), String.class);
		assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		StringBuilder firstHalf = new StringBuilder();
		StringBuilder rest = new StringBuilder();
		for (ContractLine l : lines) {
			int half = l.cartons() / 2;
			if (half > 0) {
				firstHalf.append(l.productCode()).append(' ').append(half).append('\n');
			}
			rest.append(l.productCode()).append(' ').append(l.cartons() - half).append('\n');
		}
		complete("genadmin", instanceId, ContractProcess.TASK_CONFIRM_ARRIVAL, Map.of(ContractProcess.ARRIVAL_RECORD, firstHalf.toString()));
		complete("genadmin", instanceId, ContractProcess.TASK_CONFIRM_ARRIVAL, Map.of(ContractProcess.ARRIVAL_RECORD, rest.toString()));
		assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.DELIVERED);

		BigDecimal total = BigDecimal.ZERO;
		StringBuilder invoiceLines = new StringBuilder();
		for (ContractLine l : lines) {
			total = total.add(l.amount());
			invoiceLines.append("%s %d %s %s%n".formatted(l.productCode(), l.cartons(), l.unitPrice().toPlainString(), l.amount().toPlainString()));
		}
		complete("genadmin", instanceId, ContractProcess.TASK_CHECK_INVOICE, Map.of(ContractProcess.INVOICE_NUMBER, "FP-FULL-" + number,
				ContractProcess.INVOICE_DATE, LocalDate.now().toString(), ContractProcess.AMOUNT_EXCLUDING_TAX, total.toPlainString(),
				ContractProcess.TAX, total.multiply(InvoiceMatcher.VAT_RATE).setScale(2, RoundingMode.HALF_UP).toPlainString(),
				ContractProcess.INVOICE_LINES, invoiceLines.toString(), ContractProcess.CHECK_TYPE, "DOCUMENTS"));
		complete("genadmin", instanceId, ContractProcess.TASK_DECIDE_PAYMENT, Map.of(ContractProcess.PAYMENT_DECISION, "ACCEPT"));

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
		assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.COMPLETED);
		for (ContractLine l : lines) {
			assertThat(catalog.stockPosition(l.productCode()).orElseThrow().onHand()).as("stock of " + l.productCode())
					.isEqualTo(onHandBefore.get(l.productCode()) + l.cartons());
			assertThat(invoices.paidCartons(number).get(l.productCode())).as("paid of " + l.productCode()).isEqualTo(l.cartons());
		}
		int agreed = lines.stream().mapToInt(ContractLine::cartons).sum();
		assertThat(invoices.invoicedCartonsPerContract().get(number)).isEqualTo(agreed);
		mvc.perform(get("/contracts").with(user("director").authorities(() -> "centerDirector"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("已付款（條）"))).andExpect(content().string(containsString(number)));
		mvc.perform(get("/contracts/" + number).with(user("director").authorities(() -> "centerDirector"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("已承付"))).andExpect(content().string(containsString("合同完成")));
	}
}
