package com.wholesaler.marketing.manufacturers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.JsonBody;

/**
 * Every path of manufacturer-class-change.bpmn (approved: the class changes and its reason is kept;
 * rejected with a comment: it stays), the proposal's own rules, and the manufacturer's file page: the
 * supply manager keeps contacts and the service log, bad fields get 400, other roles 403.
 */
@IntegrationTest
class ManufacturerClassChangeProcessTest {

	static final String MAKER = "M29";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManufacturerFiles files;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;


	@Autowired
	JdbcTemplate jdbc;

	String classBefore;

	@BeforeEach
	void useEngine() {
		init(engine);
		classBefore = jdbc.queryForObject("SELECT service_class FROM manufacturer WHERE code = ?", String.class, MAKER);
	}

	@AfterEach
	void putTheClassBack() {
		jdbc.update("UPDATE manufacturer SET service_class = ? WHERE code = ?", classBefore, MAKER);
		jdbc.queryForList("SELECT change_number FROM manufacturer_class_change WHERE manufacturer_code = ? AND status = 'PROPOSED'", String.class, MAKER)
				.forEach(n -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(n).list()
						.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test done")));
		jdbc.update("UPDATE manufacturer_class_change SET status = 'REJECTED' WHERE manufacturer_code = ? AND status = 'PROPOSED'", MAKER);
	}

	@Test
	void approvedTheClassChangesAndTheReasonIsKept() {
		String to = classBefore.equals("A") ? "B" : "A";
		ProcessInstance instance = propose(to, "連續三個月到貨準時、發票無差異");
		String number = instance.getBusinessKey();
		assertThat(number).matches("FL-\\d{4}-\\d{4}");
		assertThat(instance).isWaitingAt("Task_ApproveClassChange");
		String third = java.util.stream.Stream.of("A", "B", "C").filter(c -> !c.equals(classBefore) && !c.equals(to)).findFirst().orElseThrow();
		assertThatThrownBy(() -> propose(third, "再調")).as("one open proposal").hasMessageContaining("已有待審定的分類調整");
		Task task = task(instance);
		assertThat(taskService.getVariableLocal(task.getId(), "caseSummary")).asString().contains(MAKER).contains("→ " + to + " 類");
		assertThat(complete("supply", task, Map.of("decision", "APPROVE")).getStatusCode()).as("not the supply manager's step")
				.isNotEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("brandhead", task, Map.of("decision", "APPROVE", "comment", "同意")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isEnded().hasPassed("Event_ClassChanged");
		assertThat(files.manufacturer(MAKER).serviceClass()).isEqualTo(to.charAt(0));
		assertThat(files.contacts(MAKER)).get().extracting(ManufacturerFiles.Contacts::classReason).isEqualTo("連續三個月到貨準時、發票無差異");
		assertThat(page("/manufacturers/" + MAKER, "director", "centerDirector")).contains(number).contains(classBefore + " → " + to).contains("已調整");
	}

	@Test
	void rejectedWithACommentTheClassStays() {
		String to = classBefore.equals("C") ? "B" : "C";
		ProcessInstance instance = propose(to, "去年兩次延遲到貨");
		Task task = task(instance);
		assertThat(complete("brandhead", task, Map.of("decision", "REJECT")).getBody()).contains("必須填寫審核意見");
		assertThat(complete("brandhead", task, Map.of("decision", "REJECT", "comment", "延遲已改善，維持")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isEnded().hasPassed("Event_ClassKept");
		assertThat(String.valueOf(files.manufacturer(MAKER).serviceClass())).isEqualTo(classBefore);
		assertThat(files.classChange(instance.getBusinessKey()).status()).isEqualTo("REJECTED");
	}

	@Test
	void whatAProposalMustBeAndWhoMayMakeIt() {
		assertThatThrownBy(() -> propose(classBefore, "同類")).hasMessageContaining("已是");
		assertThatThrownBy(() -> propose("D", "理由")).hasMessageContaining("只能選擇");
		assertThatThrownBy(() -> ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService.startProcessInstanceByKey(
				ManufacturerFiles.PROCESS_ID, Map.of("manufacturerCode", "M99", "newClass", "A", "reason", "x")))).hasMessageContaining("找不到工業企業");
		assertThatThrownBy(() -> propose("A".equals(classBefore) ? "B" : "A", " ")).hasMessageContaining("請寫明調整分類的理由");
		assertThat(rest.withBasicAuth("brandhead", "demo").postForEntity("/engine-rest/process-definition/key/" + ManufacturerFiles.PROCESS_ID + "/start",
				JsonBody.variables(Map.of("manufacturerCode", MAKER, "newClass", "A", "reason", "x")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theSupplyManagerKeepsContactsAndTheServiceLog() {
		page(post("/manufacturers/" + MAKER + "/contacts").param("contactPerson", "王經理").param("phone", "0871-6512 3456").param("address", "昆明市五華區"),
				"supply", "supplyManager", HttpStatus.FOUND);
		assertThat(files.contacts(MAKER)).get().extracting(ManufacturerFiles.Contacts::phone).isEqualTo("0871-6512 3456");
		assertThat(page(post("/manufacturers/" + MAKER + "/contacts").param("phone", "call me"), "supply", "supplyManager", HttpStatus.BAD_REQUEST))
				.contains("只能含數字");
		page(post("/manufacturers/" + MAKER + "/contacts").param("phone", "123456"), "brandmgr", "brandManager", HttpStatus.FORBIDDEN);
		assertThat(files.contacts(MAKER)).get().extracting(ManufacturerFiles.Contacts::phone).as("nothing changed").isEqualTo("0871-6512 3456");

		int before = files.serviceLog(MAKER).size();
		page(post("/manufacturers/" + MAKER + "/service-log").param("kind", "VISIT").param("day", "2026-11-20").param("text", "走訪廠家，商定一季度貨源"),
				"supply", "supplyManager", HttpStatus.FOUND);
		assertThat(page(post("/manufacturers/" + MAKER + "/service-log").param("kind", "VISIT").param("day", "2099-01-01").param("text", "x"),
				"supply", "supplyManager", HttpStatus.BAD_REQUEST)).contains("還沒到");
		assertThat(page(post("/manufacturers/" + MAKER + "/service-log").param("kind", "PARTY").param("text", "x"), "supply", "supplyManager",
				HttpStatus.BAD_REQUEST)).contains("請選擇記錄類型");
		assertThat(files.serviceLog(MAKER)).hasSize(before + 1);
		String file = page("/manufacturers/" + MAKER, "brandhead", "brandPlanningHead");
		assertThat(file).contains("王經理").contains("走訪廠家，商定一季度貨源").contains("規格（");
		assertThat(page("/manufacturers", "brandhead", "brandPlanningHead")).contains("/manufacturers/" + MAKER);
	}

	private ProcessInstance propose(String to, String reason) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("manufacturerCode", MAKER);
		form.put("newClass", to);
		form.put("reason", reason);
		return ActingUsers.as(identityService, "supply", List.of("supplyManager"),
				() -> runtimeService.startProcessInstanceByKey(ManufacturerFiles.PROCESS_ID, form));
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private String page(String path, String who, String group) {
		return page(get(path), who, group, HttpStatus.OK);
	}

	private String page(MockHttpServletRequestBuilder request, String who, String group, HttpStatus expected) {
		try {
			var response = mvc.perform(request.with(user(who).authorities(() -> group)).with(csrf())).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(expected.value());
			return response.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers), String.class);
	}

}
