package com.wholesaler.marketing.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;

/** Every path of contract-amendment.bpmn and every rule of contract-amendment-approval.dmn, with the real delegates. */
@IntegrationTest
class ContractAmendmentProcessTest {

	private static final Set<String> RULES_HIT = new HashSet<>();

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Contracts contracts;

	@Autowired
	ContractAmendments amendments;

	@Autowired
	Catalog catalog;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	private String productOf(String manufacturer, int index) {
		return SignedContracts.productOf(catalog, manufacturer, index);
	}

	/** A contract signed by the manufacturer, with {@code cartons} of the manufacturer's first product. */
	private String signedContract(String manufacturer, int cartons) {
		return SignedContracts.sign(runtimeService, taskService, identityService, manufacturer, productOf(manufacturer, 0) + " " + cartons,
				"補充貨源", "ZY-{number}").number();
	}

	private ProcessInstance request(String contractNumber, String kind, String lines, String reason) {
		return request(contractNumber, kind, lines, null, reason);
	}

	private ProcessInstance request(String contractNumber, String kind, String lines, String schedule, String reason) {
		Map<String, Object> v = new HashMap<>();
		v.put(AmendmentProcess.DELIVERY_SCHEDULE, schedule);
		v.put(AmendmentProcess.CONTRACT_NUMBER, contractNumber);
		v.put(AmendmentProcess.AMENDMENT_KIND, kind);
		v.put(AmendmentProcess.AMENDMENT_LINES, lines);
		v.put(AmendmentProcess.REASON, reason);
		return ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"),
				() -> runtimeService.startProcessInstanceByKey(AmendmentProcess.PROCESS_ID, v));
	}

	private void decide(ProcessInstance instance, String user, String group, String decision, String comment) {
		Map<String, Object> v = new HashMap<>();
		v.put(AmendmentProcess.DECISION, decision);
		v.put(AmendmentProcess.COMMENT, comment);
		String taskId = task(instance).getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, v));
	}

	private void rememberRules(ProcessInstance instance) {
		for (HistoricDecisionInstance d : historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
				.decisionDefinitionKey(AmendmentProcess.DECISION_ID).includeOutputs().list()) {
			d.getOutputs().forEach(o -> RULES_HIT.add(o.getRuleId()));
		}
	}

	@AfterAll
	static void everyRouteRuleWasHit() {
		org.assertj.core.api.Assertions.assertThat(RULES_HIT)
				.containsExactlyInAnyOrder("Rule_SmallQuantityChange", "Rule_LargeQuantityChange", "Rule_PriceChange");
	}

	@Test
	void theSupplyManagerAsksForAQuantityChangeButNotForAPriceChange() {
		String number = signedContract("M17", 600);
		String product = productOf("M17", 0);
		Map<String, Object> v = new HashMap<>();
		v.put(AmendmentProcess.CONTRACT_NUMBER, number);
		v.put(AmendmentProcess.AMENDMENT_KIND, "PRICE");
		v.put(AmendmentProcess.AMENDMENT_LINES, product + " 600 1.00");
		v.put(AmendmentProcess.REASON, "調價");
		assertThatThrownBy(() -> ActingUsers.as(identityService, "supply", List.of("supplyManager"),
				() -> runtimeService.startProcessInstanceByKey(AmendmentProcess.PROCESS_ID, v))).hasMessageContaining("數量或交貨安排變更");
		v.put(AmendmentProcess.AMENDMENT_KIND, "QUANTITY");
		v.put(AmendmentProcess.AMENDMENT_LINES, product + " 650");
		v.put(AmendmentProcess.REASON, "需求回升，追加 50 條");
		ProcessInstance instance = ActingUsers.as(identityService, "supply", List.of("supplyManager"),
				() -> runtimeService.startProcessInstanceByKey(AmendmentProcess.PROCESS_ID, v));
		assertThat(instance).isWaitingAt("Task_ReviewAmendment");
		org.assertj.core.api.Assertions.assertThat(amendments.amendment(instance.getBusinessKey()).requestedBy()).isEqualTo("supply");
		runtimeService.deleteProcessInstance(instance.getId(), "test done");
	}

	@Test
	void aSmallQuantityChangeIsApprovedByThePlanningHeadAloneAndBecomesVersionTwo() throws Exception {
		String number = signedContract("M13", 1000);
		String product = productOf("M13", 0);
		BigDecimal price = contracts.lines(number).get(0).unitPrice();

		ProcessInstance instance = request(number, "QUANTITY", product + " 1050", "工業企業按整件補足");
		org.assertj.core.api.Assertions.assertThat(instance.getBusinessKey()).isEqualTo(number + "-B1");
		assertThat(instance).hasPassed("Task_DecideApprovalRoute").isWaitingAt(AmendmentProcess.TASK_REVIEW)
				.variables().containsEntry(AmendmentProcess.APPROVAL_ROUTE, "PLANNING_HEAD");
		assertThatThrownBy(() -> request(number, "QUANTITY", product + " 1040", "再改"))
				.as("one amendment at a time").hasMessageContaining("已有一項變更在審批中");

		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		assertThat(instance).isEnded().hasPassed("Task_ApplyAmendment", "Event_AmendmentApplied").hasNotPassed(AmendmentProcess.TASK_APPROVE);
		rememberRules(instance);
		org.assertj.core.api.Assertions.assertThat(contracts.lines(number).get(0).cartons()).isEqualTo(1050);
		org.assertj.core.api.Assertions.assertThat(amendments.version(number)).isEqualTo(2);
		org.assertj.core.api.Assertions.assertThat(amendments.earlierVersions(number)).containsOnlyKeys(1);
		ContractVersionLine v1 = amendments.earlierVersions(number).get(1).get(0);
		org.assertj.core.api.Assertions.assertThat(v1.cartons()).as("version 1 stays readable").isEqualTo(1000);
		org.assertj.core.api.Assertions.assertThat(v1.unitPrice()).isEqualByComparingTo(price);
		org.assertj.core.api.Assertions.assertThat(amendments.amendment(number + "-B1").status()).isEqualTo(ContractAmendment.Status.APPLIED);

		ProcessInstance schedule = request(number, "SCHEDULE", "", "12 月 10 日前到 600 條，其餘 12 月 25 日前", "工業企業排產調整");
		assertThat(schedule).variables().containsEntry(AmendmentProcess.APPROVAL_ROUTE, "PLANNING_HEAD");
		decide(schedule, "brandhead", "brandPlanningHead", "APPROVE", null);
		assertThat(schedule).isEnded().hasPassed("Event_AmendmentApplied");
		org.assertj.core.api.Assertions.assertThat(contracts.contract(number).deliverySchedule()).isEqualTo("12 月 10 日前到 600 條，其餘 12 月 25 日前");
		org.assertj.core.api.Assertions.assertThat(amendments.version(number)).isEqualTo(3);

		mvc.perform(get("/contracts/" + number).with(user("brandhead").authorities(() -> "brandPlanningHead")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("現行第 3 版")))
				.andExpect(content().string(containsString("12 月 25 日前")))
				.andExpect(content().string(containsString(number + "-B1"))).andExpect(content().string(containsString("第 1 版（已被變更取代）")))
				.andExpect(content().string(containsString("工業企業按整件補足")));
	}

	@Test
	void aSupplementGoesOnToTheDirector() {
		String number = signedContract("M14", 500);
		ProcessInstance instance = request(number, "SUPPLEMENT", productOf("M14", 1) + " 200", "新品上市");
		assertThat(instance).variables().containsEntry(AmendmentProcess.APPROVAL_ROUTE, "PLANNING_HEAD_AND_DIRECTOR")
				.containsEntry(AmendmentProcess.QUANTITY_CHANGE_PERCENT, 100.0);

		String taskId = task(instance).getId();
		assertThatThrownBy(() -> ActingUsers.as(identityService, "genadmin", List.of("generalAdmin", "brandPlanningHead"),
				() -> taskService.complete(taskId, Map.of(AmendmentProcess.DECISION, "APPROVE"))))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能審批自己的合同變更");
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", "同意");
		assertThat(instance).isWaitingAt(AmendmentProcess.TASK_APPROVE);
		org.assertj.core.api.Assertions.assertThat(contracts.lines(number)).as("nothing changes before the director approves").hasSize(1);
		decide(instance, "director", "centerDirector", "APPROVE", null);
		assertThat(instance).isEnded().hasPassed("Event_AmendmentApplied");
		rememberRules(instance);
		org.assertj.core.api.Assertions.assertThat(contracts.lines(number)).hasSize(2);
	}

	@Test
	void aPriceChangeRejectedByTheDirectorAndAnotherByThePlanningHead() {
		String number = signedContract("M15", 300);
		String product = productOf("M15", 0);
		BigDecimal price = contracts.lines(number).get(0).unitPrice();
		ProcessInstance instance = request(number, "PRICE", product + " 300 " + price.add(BigDecimal.ONE).toPlainString(), "工業企業調價");
		assertThat(instance).variables().containsEntry(AmendmentProcess.PRICE_CHANGED, true)
				.containsEntry(AmendmentProcess.APPROVAL_ROUTE, "PLANNING_HEAD_AND_DIRECTOR");
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		assertThatThrownBy(() -> decide(instance, "director", "centerDirector", "REJECT", " ")).hasMessageContaining("否決時必須填寫審核意見");
		decide(instance, "director", "centerDirector", "REJECT", "合同期內不接受調價");
		assertThat(instance).isEnded().hasPassed("Event_AmendmentRejected");
		rememberRules(instance);
		org.assertj.core.api.Assertions.assertThat(contracts.lines(number).get(0).unitPrice()).isEqualByComparingTo(price);
		org.assertj.core.api.Assertions.assertThat(amendments.version(number)).isEqualTo(1);

		assertThatThrownBy(() -> request(number, "SCHEDULE", "", "分兩批交貨")).hasMessageContaining("請填寫新的交貨批次安排");
		ProcessInstance second = request(number, "SCHEDULE", "", "分兩批：月中、月底", "分兩批交貨");
		assertThat(second).variables().containsEntry(AmendmentProcess.APPROVAL_ROUTE, "PLANNING_HEAD");
		decide(second, "brandhead", "brandPlanningHead", "REJECT", "交貨安排不需變更合同");
		assertThat(second).isEnded().hasPassed("Event_AmendmentRejected").hasNotPassed("Task_ApplyAmendment");
		org.assertj.core.api.Assertions.assertThat(amendments.amendment(number + "-B2").status()).isEqualTo(ContractAmendment.Status.REJECTED);
	}

	@Test
	void badRequestsAreRefusedAndRecordNothing() {
		String number = signedContract("M16", 400);
		String product = productOf("M16", 0);
		String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
		String arrivalTask = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(ContractProcess.TASK_CONFIRM_ARRIVAL)
				.singleResult().getId();
		ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"),
				() -> taskService.complete(arrivalTask, Map.of(ContractProcess.ARRIVAL_RECORD, product + " 250")));

		assertThatThrownBy(() -> request("HT-1999-0001", "QUANTITY", product + " 10", "x")).hasMessageContaining("找不到合同");
		assertThatThrownBy(() -> request(number, "QUANTITY", product + " 200", "減量")).hasMessageContaining("不能少於已到貨數量");
		assertThatThrownBy(() -> request(number, "QUANTITY", product + " 250", "減量")).hasMessageContaining("沒有未到貨的數量");
		assertThatThrownBy(() -> request(number, "QUANTITY", productOf("M01", 0) + " 10", "加量")).hasMessageContaining("不是本工業企業的產品");
		assertThatThrownBy(() -> request(number, "QUANTITY", product + " 400", "不變")).hasMessageContaining("沒有改動");
		assertThatThrownBy(() -> request(number, "QUANTITY", product + " 410", " ")).hasMessageContaining("請說明理由");
		assertThatThrownBy(() -> request(number, "OTHER", product + " 410", "加量")).hasMessageContaining("變更類型");
		assertThatThrownBy(() -> request(number, "QUANTITY", product + " -5", "減量")).hasMessageContaining("正整數");
		assertThatThrownBy(() -> request(number, "QUANTITY", product + " 410 加量理由", "加量"))
				.as("the amendment's own line format, not the draft's").hasMessageContaining("應為「規格代碼 數量（條） [單價]」");
		org.assertj.core.api.Assertions.assertThat(amendments.amendmentsOf(number)).isEmpty();
		org.assertj.core.api.Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AmendmentProcess.PROCESS_ID)
				.processInstanceBusinessKeyLike(number + "%").count()).isZero();

		String draft = ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> runtimeService.startProcessInstanceByKey(
				ContractProcess.PROCESS_ID, Map.of(ContractProcess.MANUFACTURER_CODE, "M16",
						ContractProcess.PERIOD, YearMonth.now().plusMonths(1).toString(), ContractProcess.REASON, "補充貨源")).getBusinessKey());
		assertThatThrownBy(() -> request(draft, "QUANTITY", product + " 10", "加量")).hasMessageContaining("只有已會簽、尚未全部到貨的合同可以變更");
	}
}
