package com.wholesaler.marketing.contract;

import static com.wholesaler.marketing.contract.ContractProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.purchaseplan.PlanStep;
import com.wholesaler.marketing.purchaseplan.PurchasePlans;

/** Every path of contract-signing.bpmn, with the real delegates. */
@IntegrationTest
class ContractSigningProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Contracts contracts;

	@Autowired
	ContractInvoices invoices;

	@Autowired
	PurchasePlans plans;

	@Autowired
	Catalog catalog;

	@Autowired
	TransactionTemplate transaction;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	private ProcessInstance startByHand(String manufacturer) {
		return ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> runtimeService.startProcessInstanceByKey(
				PROCESS_ID, Map.of(MANUFACTURER_CODE, manufacturer, PERIOD, YearMonth.now().plusMonths(1).toString(), REASON, "補充貨源")));
	}

	/** An approved plan, decided through the plan service, and the contract its approval starts for one manufacturer. */
	private ProcessInstance startFromPlan() {
		String[] planAndManufacturer = transaction.execute(s -> {
			String plan = plans.create(YearMonth.now().plusMonths(1), "合同測試", "supply");
			plans.proposeQuantities(plan);
			plans.submit(plan, "supply", null);
			for (String[] level : new String[][] {{"genadmin", "generalAdmin"}, {"brandhead", "brandPlanningHead"}, {"director", "centerDirector"},
					{"executive", "executive"}}) {
				com.wholesaler.marketing.ActingUsers.as(identityService, level[0], List.of(level[1]),
						() -> plans.decide(plan, plans.plan(plan).currentStep(), Decision.APPROVE, null));
			}
			return new String[] {plan, plans.manufacturersToContract(plan).get(0)};
		});
		return runtimeService.startProcessInstanceByKey(PROCESS_ID,
				Map.of(PLAN_NUMBER, planAndManufacturer[0], MANUFACTURER_CODE, planAndManufacturer[1]));
	}

	private void complete(ProcessInstance instance, String user, String group, Map<String, Object> variables) {
		String taskId = task(instance).getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, variables));
	}

	/** Once signed, arrivals and invoices run side by side: the task is picked by its step. */
	private void complete(ProcessInstance instance, String step, String user, String group, Map<String, Object> variables) {
		String taskId = task(step, instance).getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, variables));
	}

	private void arrive(ProcessInstance instance, String record) {
		complete(instance, TASK_CONFIRM_ARRIVAL, "genadmin", "generalAdmin", Map.of(ARRIVAL_RECORD, record));
	}

	/** Everything still to come arrives at once. */
	private void arriveInFull(ProcessInstance instance) {
		StringBuilder rest = new StringBuilder();
		for (ContractLine l : contracts.lines(instance.getBusinessKey())) {
			if (l.remainingCartons() > 0) {
				rest.append(l.productCode()).append(' ').append(l.remainingCartons()).append('\n');
			}
		}
		arrive(instance, rest.toString());
	}

	/** An invoice for the given cartons of the contract's first line at the contract price, with 13 % VAT unless a tax is given. */
	private Map<String, Object> invoice(String invoiceNumber, ContractLine line, int cartons, BigDecimal tax, String checkType) {
		BigDecimal amount = line.unitPrice().multiply(BigDecimal.valueOf(cartons));
		Map<String, Object> v = new HashMap<>();
		v.put(INVOICE_NUMBER, invoiceNumber);
		v.put(INVOICE_DATE, LocalDate.now().toString());
		v.put(AMOUNT_EXCLUDING_TAX, amount.toPlainString());
		v.put(TAX, (tax != null ? tax : amount.multiply(InvoiceMatcher.VAT_RATE).setScale(2, RoundingMode.HALF_UP)).toPlainString());
		v.put(INVOICE_LINES, "%s %d %s %s".formatted(line.productCode(), cartons, line.unitPrice().toPlainString(), amount.toPlainString()));
		v.put(CHECK_TYPE, checkType);
		return v;
	}

	private void checkInvoice(ProcessInstance instance, Map<String, Object> invoice) {
		complete(instance, TASK_CHECK_INVOICE, "genadmin", "generalAdmin", invoice);
	}

	private void decidePayment(ProcessInstance instance, String decision, String refusalCode) {
		Map<String, Object> v = new HashMap<>();
		v.put(PAYMENT_DECISION, decision);
		v.put(REFUSAL_CODE, refusalCode);
		complete(instance, TASK_DECIDE_PAYMENT, "genadmin", "generalAdmin", v);
	}

	private ProcessInstance signedContract(String manufacturer, int cartons) {
		ProcessInstance instance = startByHand(manufacturer);
		draft(instance, productOf(manufacturer) + " " + cartons);
		approveAndSend(instance);
		complete(instance, "brandhead", "brandPlanningHead", Map.of(PLATFORM_CONTRACT_NUMBER, "ZY-" + manufacturer));
		assertThat(instance).isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		return instance;
	}

	private String invoiceStatus(String invoiceNumber) {
		return invoices.invoice(invoiceNumber).status();
	}

	private void decide(ProcessInstance instance, String user, String group, String decision, String comment) {
		Map<String, Object> v = new HashMap<>();
		v.put(DECISION, decision);
		v.put(COMMENT, comment);
		complete(instance, user, group, v);
	}

	private void draft(ProcessInstance instance, String lineChanges) {
		Map<String, Object> v = new HashMap<>();
		v.put(LINE_CHANGES, lineChanges);
		v.put(PAYMENT_TERMS, "托收承付");
		v.put(DELIVERY_SCHEDULE, "分兩批：月中一半，月底到齊");
		complete(instance, "genadmin", "generalAdmin", v);
	}

	private void approveAndSend(ProcessInstance instance) {
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		decide(instance, "director", "centerDirector", "APPROVE", "同意簽訂");
		assertThat(instance).hasPassed(TASK_SEND).isWaitingAt(TASK_RECORD_SIGNING);
	}

	private String productOf(String manufacturer) {
		return catalog.stockPositions().stream().filter(s -> s.product().isActive() && s.product().manufacturerCode().equals(manufacturer))
				.findFirst().orElseThrow().product().code();
	}

	@Test
	void fromAnApprovedPlanSignedByHandDeliveredInTwoArrivals() {
		ProcessInstance instance = startFromPlan();
		String number = instance.getBusinessKey();
		org.assertj.core.api.Assertions.assertThat(number).matches("HT-\\d{4}-\\d{4}");
		Contract contract = contracts.contract(number);
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID,
				Map.of(PLAN_NUMBER, contract.planNumber(), MANUFACTURER_CODE, contract.manufacturerCode())))
				.as("one contract per plan and manufacturer").hasMessageContaining("已有合同 " + number);
		List<ContractLine> lines = contracts.lines(number);
		org.assertj.core.api.Assertions.assertThat(lines).isNotEmpty().allMatch(l -> l.plannedCartons() != null);

		assertThatThrownBy(() -> draft(instance, lines.get(0).productCode() + " " + (lines.get(0).cartons() + 50)))
				.as("a line differing from the plan needs a reason").isInstanceOf(BadUserRequestException.class)
				.hasMessageContaining("請說明理由");
		draft(instance, lines.get(0).productCode() + " " + (lines.get(0).cartons() + 50) + " 工業企業按整件供貨");
		approveAndSend(instance);
		org.assertj.core.api.Assertions.assertThat(contracts.contract(number).deliverySchedule()).isEqualTo("分兩批：月中一半，月底到齊");
		complete(instance, "brandhead", "brandPlanningHead", Map.of(PLATFORM_CONTRACT_NUMBER, "ZY-2026-00001"));
		assertThat(instance).isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		org.assertj.core.api.Assertions.assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.SIGNED);

		ContractLine first = contracts.lines(number).get(0);
		int onHandBefore = catalog.stockPosition(first.productCode()).orElseThrow().onHand();
		StringBuilder scanned = new StringBuilder("case_code,product_code,cartons\n");
		scanned.append(number).append("-C1,").append(first.productCode()).append(",50\n");
		scanned.append(number).append("-C2,").append(first.productCode()).append(",50\n");
		complete(instance, TASK_CONFIRM_ARRIVAL, "genadmin", "generalAdmin",
				Map.of(ARRIVAL_RECORD, scanned.toString(), DAMAGE, first.productCode() + " 2"));
		assertThat(instance).isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		org.assertj.core.api.Assertions.assertThat(catalog.stockPosition(first.productCode()).orElseThrow().onHand())
				.as("stock rose by the good cartons").isEqualTo(onHandBefore + 98);

		assertThatThrownBy(() -> arrive(instance, number + "-C1," + first.productCode() + ",50"))
				.as("a case already received").hasMessageContaining("已經收過貨");

		arriveInFull(instance);
		assertThat(instance).hasPassed("Gateway_AllDelivered").isWaitingAt(TASK_CHECK_INVOICE).isNotWaitingAt(TASK_CONFIRM_ARRIVAL);
		org.assertj.core.api.Assertions.assertThat(contracts.contract(number).status())
				.as("delivered, but not yet invoiced and paid").isEqualTo(ContractStatus.DELIVERED);

		// one invoice for every line, at the contract prices
		List<ContractLine> delivered = contracts.lines(number);
		BigDecimal total = delivered.stream().map(ContractLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		StringBuilder invoiceLines = new StringBuilder();
		for (ContractLine l : delivered) {
			invoiceLines.append("%s %d %s %s%n".formatted(l.productCode(), l.cartons(), l.unitPrice().toPlainString(), l.amount().toPlainString()));
		}
		Map<String, Object> all = new HashMap<>();
		all.put(INVOICE_NUMBER, "FP-" + number);
		all.put(INVOICE_DATE, LocalDate.now().toString());
		all.put(AMOUNT_EXCLUDING_TAX, total.toPlainString());
		all.put(TAX, total.multiply(InvoiceMatcher.VAT_RATE).setScale(2, RoundingMode.HALF_UP).toPlainString());
		all.put(INVOICE_LINES, invoiceLines.toString());
		all.put(CHECK_TYPE, "DOCUMENTS");
		checkInvoice(instance, all);
		assertThat(instance).hasPassed("Gateway_ToPayment").isWaitingAt(TASK_DECIDE_PAYMENT);
		decidePayment(instance, "ACCEPT", null);
		assertThat(instance).hasPassed("Gateway_PaymentDone", "Task_CompleteContract").isEnded()
				.hasPassed("Event_ContractCompleted");
		org.assertj.core.api.Assertions.assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.COMPLETED);
		org.assertj.core.api.Assertions.assertThat(invoiceStatus("FP-" + number)).isEqualTo(ContractInvoices.PAID);
	}

	@Test
	void invoicesInPartsWithARecheckARefusalAndAcceptanceBySilence() {
		ProcessInstance instance = signedContract("M10", 200);
		String number = instance.getBusinessKey();
		ContractLine line = contracts.lines(number).get(0);

		assertThatThrownBy(() -> checkInvoice(instance, invoice("FP-A1", line, 100, null, null)))
				.as("the acceptance terms must be chosen").hasMessageContaining("checkType」必須填寫");
		checkInvoice(instance, invoice("FP-A1", line, 100, null, "DOCUMENTS"));
		assertThat(instance).as("billed before anything arrived").hasPassed("Gateway_InvoiceMatches").isWaitingAt(TASK_RESOLVE_DISCREPANCY);
		org.assertj.core.api.Assertions.assertThat(invoiceStatus("FP-A1")).isEqualTo(ContractInvoices.MISMATCHED);
		assertThatThrownBy(() -> complete(instance, TASK_RESOLVE_DISCREPANCY, "brandhead", "brandPlanningHead", Map.of(DISCREPANCY_ACTION, "RECHECK")))
				.hasMessageContaining("comment」必須填寫");
		complete(instance, TASK_RESOLVE_DISCREPANCY, "brandhead", "brandPlanningHead",
				Map.of(DISCREPANCY_ACTION, "RECHECK", COMMENT, "貨未到，請到貨後再開票"));
		assertThat(instance).hasPassed("Gateway_DiscrepancyAction").isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		org.assertj.core.api.Assertions.assertThat(invoiceStatus("FP-A1")).isEqualTo(ContractInvoices.WITHDRAWN);
		org.assertj.core.api.Assertions.assertThat(runtimeService.getVariable(instance.getId(), INVOICE_NUMBER))
				.as("the next invoice starts blank").isNull();

		arrive(instance, line.productCode() + " 120");
		assertThatThrownBy(() -> checkInvoice(instance, invoice("FP-A1", line, 100, null, "DOCUMENTS")))
				.as("an invoice number is recorded once").hasMessageContaining("已經登記過");
		checkInvoice(instance, invoice("FP-A2", line, 100, null, "DOCUMENTS"));
		assertThat(instance).isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_DECIDE_PAYMENT);
		assertThatThrownBy(() -> decidePayment(instance, "REFUSE", null)).hasMessageContaining("拒付理由代碼");
		decidePayment(instance, "REFUSE", "GOODS_MISMATCH");
		assertThat(instance).hasPassed("Gateway_PaymentDecision").isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		org.assertj.core.api.Assertions.assertThat(invoices.invoice("FP-A2").refusalCode()).isEqualTo("GOODS_MISMATCH");

		checkInvoice(instance, invoice("FP-A3", line, 100, null, "GOODS"));
		assertThat(instance).as("the refused cartons may be billed again").isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_DECIDE_PAYMENT);
		execute(job(EVENT_ACCEPTANCE_TIME_UP, instance));
		assertThat(instance).hasPassed("Task_AutoAcceptPayment", "Gateway_AllPaid").isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		org.assertj.core.api.Assertions.assertThat(invoiceStatus("FP-A3")).isEqualTo(ContractInvoices.PAID);

		arriveInFull(instance);
		assertThat(instance).isWaitingAt(TASK_CHECK_INVOICE);
		checkInvoice(instance, invoice("FP-A4", line, 100, new BigDecimal("1.00"), "DOCUMENTS"));
		assertThat(instance).as("the tax is wrong").isWaitingAt(TASK_RESOLVE_DISCREPANCY);
		complete(instance, TASK_RESOLVE_DISCREPANCY, "brandhead", "brandPlanningHead",
				Map.of(DISCREPANCY_ACTION, "ACCEPT", COMMENT, "稅額由工業企業書面更正"));
		assertThat(instance).hasPassed("Gateway_ToPayment").isWaitingAt(TASK_DECIDE_PAYMENT);
		decidePayment(instance, "ACCEPT", null);
		assertThat(instance).isEnded().hasPassed("Event_ContractCompleted");
		org.assertj.core.api.Assertions.assertThat(contracts.contract(number).status()).isEqualTo(ContractStatus.COMPLETED);
	}

	@Test
	void anOpenInvoiceFormShowsWhatArrivedAndWasInvoicedSinceItOpened() {
		ProcessInstance instance = signedContract("M11", 300);
		String invoiceTask = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_CHECK_INVOICE)
				.singleResult().getId();
		org.assertj.core.api.Assertions.assertThat(taskService.getVariableLocal(invoiceTask, "contractLines").toString())
				.contains("\"received\":0").contains("\"invoiceable\":0");
		arrive(instance, productOf("M11") + " 120");
		org.assertj.core.api.Assertions.assertThat(taskService.getVariableLocal(invoiceTask, "contractLines").toString())
				.as("refreshed by the arrival, not frozen at signing").contains("\"received\":120").contains("\"invoiced\":0")
				.contains("\"invoiceable\":120");
	}

	@Test
	void aContractDraftedByHandShowsTheManufacturersProductsAndSaysWhereLinesGo() {
		ProcessInstance instance = startByHand("M12");
		String draft = task(instance).getId();
		org.assertj.core.api.Assertions.assertThat(taskService.getVariableLocal(draft, "manufacturerProducts").toString())
				.contains(productOf("M12"));
		assertThatThrownBy(() -> complete(instance, "genadmin", "generalAdmin", Map.of(PAYMENT_TERMS, "托收承付")))
				.hasMessageContaining("合同沒有任何品規").hasMessageContaining("工業企業的在售品規");
	}

	@Test
	void theDirectorTerminatesAContractInPerformance() {
		ProcessInstance drafting = startByHand("M11");
		assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_TERMINATE).processInstanceBusinessKey(drafting.getBusinessKey())
				.setVariable(TERMINATION_REASON, "不再需要").setVariable(TERMINATED_BY, "director").correlate())
				.as("a contract not yet signed is rejected or cancelled, not terminated").hasMessageContaining("只有履行中的合同可以終止");
		assertThat(drafting).isWaitingAt(TASK_DRAFT);

		ProcessInstance instance = signedContract("M11", 100);
		assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_TERMINATE).processInstanceBusinessKey(instance.getBusinessKey())
				.setVariable(TERMINATED_BY, "director").correlate()).hasMessageContaining("請說明理由");
		assertThat(instance).isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		runtimeService.createMessageCorrelation(MESSAGE_TERMINATE).processInstanceBusinessKey(instance.getBusinessKey())
				.setVariable(TERMINATION_REASON, "工業企業停產該規格").setVariable(TERMINATED_BY, "director").correlate();
		assertThat(instance).isEnded().hasPassed("Task_RecordTermination", "Event_ContractTerminated");
		org.assertj.core.api.Assertions.assertThat(contracts.contract(instance.getBusinessKey()).status()).isEqualTo(ContractStatus.TERMINATED);
		org.assertj.core.api.Assertions.assertThat(contracts.history(instance.getBusinessKey()))
				.anyMatch(e -> e.comment() != null && e.comment().contains("停產") && "director".equals(e.actor()));
	}

	@Test
	void countersignedByMessageAfterAReminder() {
		ProcessInstance instance = startByHand("M05");
		draft(instance, productOf("M05") + " 500");
		approveAndSend(instance);
		execute(job(EVENT_SIGNING_REMINDER, instance));
		assertThat(instance).hasPassed("Task_RemindSigning").isWaitingAt(TASK_RECORD_SIGNING);

		runtimeService.createMessageCorrelation(MESSAGE_COUNTERSIGNED).processInstanceBusinessKey(instance.getBusinessKey())
				.setVariable(PLATFORM_CONTRACT_NUMBER, "ZY-2026-00002").correlate();
		assertThat(instance).hasPassed(EVENT_COUNTERSIGNED).isWaitingAt(TASK_CONFIRM_ARRIVAL, TASK_CHECK_INVOICE);
		org.assertj.core.api.Assertions.assertThat(contracts.contract(instance.getBusinessKey()).platformContractNumber()).isEqualTo("ZY-2026-00002");
		assertThatThrownBy(() -> arrive(instance, productOf("M05") + " 600"))
				.as("more than the contract expects").hasMessageContaining("超過合同尚未到貨");
	}

	@Test
	void tenDaysUnsignedTheDirectorWaitsOnThenCancels() {
		ProcessInstance instance = startByHand("M06");
		draft(instance, productOf("M06") + " 250");
		approveAndSend(instance);
		execute(job(EVENT_SIGNING_ESCALATION, instance));
		assertThat(instance).isWaitingAt(TASK_DECIDE_UNSIGNED);
		complete(instance, "director", "centerDirector", Map.of(UNSIGNED_ACTION, "WAIT", COMMENT, "工業企業答應本週會簽"));
		assertThat(instance).isWaitingAt(TASK_RECORD_SIGNING);

		execute(job(EVENT_SIGNING_ESCALATION, instance));
		assertThatThrownBy(() -> complete(instance, "director", "centerDirector", Map.of(UNSIGNED_ACTION, "CANCEL")))
				.hasMessageContaining("請說明理由");
		complete(instance, "director", "centerDirector", Map.of(UNSIGNED_ACTION, "CANCEL", COMMENT, "工業企業無法供貨"));
		assertThat(instance).isEnded().hasPassed("Event_ContractCancelled");
		org.assertj.core.api.Assertions.assertThat(contracts.contract(instance.getBusinessKey()).status()).isEqualTo(ContractStatus.CANCELLED);
	}

	@Test
	void returnsAndRejectionsAtBothLevels() {
		ProcessInstance instance = startByHand("M07");
		draft(instance, productOf("M07") + " 100");
		decide(instance, "brandhead", "brandPlanningHead", "RETURN", "數量偏少");
		assertThat(instance).isWaitingAt(TASK_DRAFT);
		draft(instance, productOf("M07") + " 300");
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		decide(instance, "director", "centerDirector", "RETURN", "付款方式不明");
		assertThat(instance).isWaitingAt(TASK_DRAFT);
		draft(instance, "");
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		decide(instance, "director", "centerDirector", "REJECT", "本月不簽");
		assertThat(instance).isEnded().hasPassed("Event_ContractRejected");

		ProcessInstance other = startByHand("M08");
		draft(other, productOf("M08") + " 100");
		decide(other, "brandhead", "brandPlanningHead", "REJECT", "重複合同");
		assertThat(other).isEnded().hasPassed("Event_ContractRejected");
	}

	@Test
	void theDrafterCannotApproveAndBadLinesAreRefused() {
		ProcessInstance instance = startByHand("M09");
		assertThatThrownBy(() -> draft(instance, "P9999 100")).hasMessageContaining("找不到捲菸規格");
		assertThatThrownBy(() -> draft(instance, productOf("M01") + " 100")).hasMessageContaining("不是本工業企業的產品");
		assertThatThrownBy(() -> draft(instance, productOf("M09") + " 100 0.001")).hasMessageContaining("最多兩位小數");
		assertThatThrownBy(() -> draft(instance, "")).hasMessageContaining("沒有任何品規");
		draft(instance, productOf("M09") + " 100");
		String taskId = task(instance).getId();
		assertThatThrownBy(() -> ActingUsers.as(identityService, "genadmin", List.of("generalAdmin", "brandPlanningHead"),
				() -> taskService.complete(taskId, Map.of(DECISION, "APPROVE"))))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能審批自己的購銷合同");
		assertThatThrownBy(() -> startByHand("M99")).hasMessageContaining("找不到工業企業");
	}
}
