package com.wholesaler.marketing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.wholesaler.marketing.JsonBody.json;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;

/** The countersignature through the REST API, as the trading platform's integration sends it; the pages; the director's termination. */
@IntegrationTest
class ContractRestTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Contracts contracts;

	@Autowired
	Catalog catalog;

	private void complete(String instanceId, String user, String group, Map<String, Object> variables) {
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, variables));
	}

	@Test
	void countersignedByMessageThroughRestAndAnUnknownNumberIsA4xx() throws Exception {
		String product = catalog.stockPositions().stream().filter(s -> s.product().isActive() && s.product().manufacturerCode().equals("M10"))
				.findFirst().orElseThrow().product().code();
		String id = ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> runtimeService.startProcessInstanceByKey(
				ContractProcess.PROCESS_ID, Map.of(ContractProcess.MANUFACTURER_CODE, "M10",
						ContractProcess.PERIOD, YearMonth.now().plusMonths(1).toString(), ContractProcess.REASON, "新品引入")).getId());
		String number = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
		complete(id, "genadmin", "generalAdmin", Map.of(ContractProcess.LINE_CHANGES, product + " 250"));
		complete(id, "brandhead", "brandPlanningHead", Map.of(ContractProcess.DECISION, "APPROVE"));
		complete(id, "director", "centerDirector", Map.of(ContractProcess.DECISION, "APPROVE"));

		ResponseEntity<String> byHand = rest.withBasicAuth("brandhead", "demo").postForEntity("/engine-rest/message",
				json("{\"messageName\":\"ContractCountersigned\",\"businessKey\":\"" + number + "\","
						+ "\"processVariables\":{\"platformContractNumber\":{\"value\":\"ZY-REST-1\"}}}"), String.class);
		assertThat(byHand.getStatusCode().is4xxClientError()).as("a person records the countersignature in the task, not as a message")
				.isTrue();
		assertThat(contracts.contract(number).status()).isNotEqualTo(ContractStatus.SIGNED);

		ResponseEntity<String> signed = rest.withBasicAuth("platform", "demo").postForEntity("/engine-rest/message",
				json("{\"messageName\":\"ContractCountersigned\",\"businessKey\":\"" + number + "\","
						+ "\"processVariables\":{\"platformContractNumber\":{\"value\":\"ZY-REST-1\"}}}"), String.class);
		assertThat(signed.getStatusCode().value()).isEqualTo(204);
		assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.SIGNED);

		ResponseEntity<String> unknown = rest.withBasicAuth("platform", "demo").postForEntity("/engine-rest/message",
				json("{\"messageName\":\"ContractCountersigned\",\"businessKey\":\"HT-1999-0001\","
						+ "\"processVariables\":{\"platformContractNumber\":{\"value\":\"X\"}}}"), String.class);
		assertThat(unknown.getStatusCode().is4xxClientError()).as(unknown.getBody()).isTrue();
		assertThat(unknown.getBody()).doesNotContain("at org.");

		mvc.perform(get("/contracts").with(user("director").authorities(() -> "centerDirector")))
				.andExpect(status().isOk()).andExpect(content().string(containsString(number)));
		mvc.perform(get("/contracts/" + number).with(user("director").authorities(() -> "centerDirector")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("ZY-REST-1")));
	}

	@Test
	void onlyTheDirectorTerminatesFromTheContractPageWithAReason() throws Exception {
		String product = SignedContracts.productOf(catalog, "M12", 0);
		SignedContracts.Signed signed = SignedContracts.sign(runtimeService, taskService, identityService, "M12", product + " 100",
				"旺季備貨", "ZY-PAGE-1");
		String id = signed.instanceId();
		String number = signed.number();

		mvc.perform(get("/contracts/" + number).with(user("director").authorities(() -> "centerDirector")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("contract-termination")))
				.andExpect(content().string(containsString("還沒有發票")));
		String invoiceTask = taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(ContractProcess.TASK_CHECK_INVOICE)
				.singleResult().getId();
		ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> taskService.complete(invoiceTask, Map.of(
				ContractProcess.INVOICE_NUMBER, "FP-PAGE-1", ContractProcess.INVOICE_DATE, java.time.LocalDate.now().toString(),
				ContractProcess.AMOUNT_EXCLUDING_TAX, "100.00", ContractProcess.TAX, "13.00",
				ContractProcess.INVOICE_LINES, product + " 1 100.00 100.00", ContractProcess.CHECK_TYPE, "GOODS")));
		mvc.perform(get("/contracts/" + number).with(user("director").authorities(() -> "centerDirector")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("FP-PAGE-1")))
				.andExpect(content().string(containsString("不符，待處理"))).andExpect(content().string(containsString("驗貨付款")));
		mvc.perform(get("/contracts/" + number).with(user("brandhead").authorities(() -> "brandPlanningHead")))
				.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("contract-termination"))));

		mvc.perform(post("/contracts/" + number + "/termination").param("reason", "工業企業停產")
				.with(user("brandhead").authorities(() -> "brandPlanningHead")).with(csrf()))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("只有營銷中心主任")));
		mvc.perform(post("/contracts/" + number + "/termination").param("reason", " ")
				.with(user("director").authorities(() -> "centerDirector")).with(csrf()))
				.andExpect(flash().attribute("error", containsString("請說明理由")));
		assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.SIGNED);
		assertThat(taskService.createTaskQuery().processInstanceId(id).count()).isEqualTo(2);

		mvc.perform(post("/contracts/" + number + "/termination").param("reason", "工業企業停產")
				.with(user("director").authorities(() -> "centerDirector")).with(csrf()))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", containsString("已終止")));
		assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.TERMINATED);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).as("its tasks ended with it").isZero();
		mvc.perform(post("/contracts/" + number + "/termination").param("reason", "再次終止")
				.with(user("director").authorities(() -> "centerDirector")).with(csrf()))
				.andExpect(flash().attribute("error", containsString("只有履行中的合同可以終止")));
	}

	@Test
	void aScannerCsvOfTwoHundredCasesUploadedOnTheContractPageConfirmsTheArrival() throws Exception {
		String product = SignedContracts.productOf(catalog, "M18", 0);
		SignedContracts.Signed signed = SignedContracts.sign(runtimeService, taskService, identityService, "M18", product + " 5000",
				"旺季備貨", "ZY-CSV-1");
		String id = signed.instanceId();
		String number = signed.number();
		int onHandBefore = catalog.stockPosition(product).orElseThrow().onHand();

		StringBuilder csv = new StringBuilder("\uFEFFcase_code,product_code,cartons\n");
		for (int i = 1; i <= 200; i++) {
			csv.append("%s-CASE-%04d,%s,%d%n".formatted(number, i, product, 10));
		}
		org.springframework.mock.web.MockMultipartFile file = new org.springframework.mock.web.MockMultipartFile("file", "scan.csv", "text/csv",
				csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(csv.length()).as("longer than a stored string variable may be").isGreaterThan(4000);

		mvc.perform(multipart("/contracts/" + number + "/arrivals").file(file).with(user("brandhead").authorities(() -> "brandPlanningHead")).with(csrf()))
				.andExpect(flash().attribute("error", containsString("只有綜合管理員")));
		mvc.perform(multipart("/contracts/" + number + "/arrivals").file(file).param("damage", product + " 3").param("note", "第一批")
				.with(user("genadmin").authorities(() -> "generalAdmin")).with(csrf()))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", containsString("已確認到貨")));
		assertThat(catalog.stockPosition(product).orElseThrow().onHand()).isEqualTo(onHandBefore + 2000 - 3);
		mvc.perform(multipart("/contracts/" + number + "/arrivals").file(file).with(user("genadmin").authorities(() -> "generalAdmin")).with(csrf()))
				.andExpect(flash().attribute("error", containsString("已經收過貨")));
		assertThat(catalog.stockPosition(product).orElseThrow().onHand()).as("nothing counted twice").isEqualTo(onHandBefore + 2000 - 3);

		mvc.perform(get("/contracts/" + number).with(user("genadmin").authorities(() -> "generalAdmin")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("arrival-upload")))
				.andExpect(content().string(containsString("第一批"))).andExpect(content().string(containsString(">200<")));
	}
}
