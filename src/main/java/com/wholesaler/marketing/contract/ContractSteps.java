package com.wholesaler.marketing.contract;

import static com.wholesaler.marketing.contract.ContractProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.TaskAnswerListener;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.approval.AdministratorInterventions;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;

/** The steps of the contract model, each a bean it names: thin, each calls Contracts. */
public final class ContractSteps {

	private ContractSteps() {
	}

	private static String user(IdentityService identityService) {
		Authentication a = identityService.getCurrentAuthentication();
		return a == null ? null : a.getUserId();
	}

	/** Opens the contract (from an approved plan, or by hand); its number becomes the business key. */
	@Component("contractStartListener")
	public static class Start implements ExecutionListener {
		private final Contracts contracts;
		private final IdentityService identityService;

		Start(Contracts contracts, IdentityService identityService) {
			this.contracts = contracts;
			this.identityService = identityService;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = contracts.open((String) execution.getVariable(PLAN_NUMBER), (String) execution.getVariable(MANUFACTURER_CODE),
						(String) execution.getVariable(PERIOD), (String) execution.getVariable(REASON), user(identityService),
						execution.getProcessInstanceId());
				execution.setProcessBusinessKey(number);
				execution.setVariable(CONTRACT_NUMBER, number);
			});
		}
	}

	/** The drafter submits; line changes come as "code cartons [price] [reason]" lines. */
	@Component("contractDraftListener")
	public static class Draft extends TaskAnswerListener {
		private final Contracts contracts;
		private final CurrentUser currentUser;

		Draft(Contracts contracts, CurrentUser currentUser) {
			this.contracts = contracts;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			contracts.submitDraft((String) execution.getVariable(CONTRACT_NUMBER),
					currentUser.id(), LineChanges.parse((String) execution.getVariable(LINE_CHANGES)),
					(String) execution.getVariable(PAYMENT_TERMS), (String) execution.getVariable(DELIVERY_SCHEDULE));
		}
	}

	@Component("contractDecisionListener")
	public static class Decide extends TaskAnswerListener {
		private final Contracts contracts;

		Decide(Contracts contracts) {
			this.contracts = contracts;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			contracts.decide((String) execution.getVariable(CONTRACT_NUMBER),
					TASK_REVIEW.equals(execution.getCurrentActivityId()) ? ContractStep.REVIEW : ContractStep.APPROVE,
					Decision.of(execution.getVariable(DECISION)), (String) execution.getVariable(COMMENT));
		}
	}

	/** Sends the approved contract to the manufacturer: recorded here; an integration with the trading platform can replace it. */
	@Component("contractSendDelegate")
	public static class Send implements JavaDelegate {
		private final Contracts contracts;

		Send(Contracts contracts) {
			this.contracts = contracts;
		}

		@Override
		public void execute(DelegateExecution execution) {
			contracts.sent((String) execution.getVariable(CONTRACT_NUMBER));
		}
	}

	/** The countersignature: the message ContractCountersigned, or recorded by the brand-planning head. */
	@Component("contractSignedListener")
	public static class Signed extends TaskAnswerListener {
		private final Contracts contracts;
		private final IdentityService identityService;

		Signed(Contracts contracts, IdentityService identityService) {
			this.contracts = contracts;
			this.identityService = identityService;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			contracts.signed((String) execution.getVariable(CONTRACT_NUMBER),
					(String) execution.getVariable(PLATFORM_CONTRACT_NUMBER), user(identityService));
		}
	}

	@Component("contractSigningReminderDelegate")
	public static class Remind implements JavaDelegate {
		private final Contracts contracts;

		Remind(Contracts contracts) {
			this.contracts = contracts;
		}

		@Override
		public void execute(DelegateExecution execution) {
			contracts.remindSigning((String) execution.getVariable(CONTRACT_NUMBER));
		}
	}

	/** Ten days unsigned: recorded; the director then decides to wait on or to cancel. */
	@Component("contractEscalationListener")
	public static class Escalate implements ExecutionListener {
		private final Contracts contracts;

		Escalate(Contracts contracts) {
			this.contracts = contracts;
		}

		@Override
		public void notify(DelegateExecution execution) {
			contracts.escalateSigning((String) execution.getVariable(CONTRACT_NUMBER));
		}
	}

	@Component("contractUnsignedListener")
	public static class Unsigned extends TaskAnswerListener {
		private final Contracts contracts;
		private final CurrentUser currentUser;

		Unsigned(Contracts contracts, CurrentUser currentUser) {
			this.contracts = contracts;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			String number = (String) execution.getVariable(CONTRACT_NUMBER);
			Object action = execution.getVariable(UNSIGNED_ACTION);
			if ("CANCEL".equals(action)) {
				contracts.cancel(number, currentUser.id(), (String) execution.getVariable(COMMENT));
			}
			else if ("WAIT".equals(action)) {
				contracts.keepWaiting(number, currentUser.id(), (String) execution.getVariable(COMMENT));
			}
			else {
				throw new BusinessRuleException("請選擇「繼續等待會簽」或「取消合同」(wait or cancel)");
			}
		}
	}

	/**
	 * An arrival: the record's lines are "caseCode productCode cartons" (scanned cases) or
	 * "productCode cartons" (typed by hand); damage as "productCode cartons" lines.
	 */
	@Component("contractArrivalListener")
	public static class Arrival extends TaskAnswerListener {
		private final Contracts contracts;
		private final CurrentUser currentUser;

		Arrival(Contracts contracts, CurrentUser currentUser) {
			this.contracts = contracts;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			contracts.confirmArrival((String) execution.getVariable(CONTRACT_NUMBER), currentUser.id(),
					ArrivalRecord.received((String) execution.getVariable(ARRIVAL_RECORD)), ArrivalRecord.damage((String) execution.getVariable(DAMAGE)),
					(String) execution.getVariable(ARRIVAL_NOTE));
		}
	}

	/**
	 * What the contract forms show, read from the contract when each task is created (earlier answers
	 * cleared), and shown again in every open task of the contract whenever the contract changes — an
	 * arrival, an invoice, a payment, an amendment — so a form is as current as the case when opened.
	 */
	@Component("contractTaskDisplay")
	public static class Display implements TaskListener {
		private static final Set<ApprovalEventType> CHANGES = EnumSet.of(ApprovalEventType.ARRIVAL, ApprovalEventType.DELIVERED,
				ApprovalEventType.INVOICE_MATCHED, ApprovalEventType.INVOICE_MISMATCH, ApprovalEventType.INVOICE_ACCEPTED,
				ApprovalEventType.INVOICE_WITHDRAWN, ApprovalEventType.PAID, ApprovalEventType.PAYMENT_REFUSED, ApprovalEventType.AMENDED);

		private final Contracts contracts;
		private final ContractInvoices invoices;
		private final ObjectMapper json;
		private final AdministratorInterventions interventions;
		private final TaskService taskService;
		private final Catalog catalog;

		Display(Contracts contracts, ContractInvoices invoices, ObjectMapper json, AdministratorInterventions interventions, TaskService taskService,
				Catalog catalog) {
			this.catalog = catalog;
			this.contracts = contracts;
			this.invoices = invoices;
			this.json = json;
			this.interventions = interventions;
			this.taskService = taskService;
		}

		@Override
		public void notify(DelegateTask task) {
			// The data a step typed, cleared when a task of the main line opens (the choices and the comment
			// start empty for every task: AnswersStartEmpty); the payment task keeps the invoice it is about.
			task.getExecution().removeVariables(List.of(LINE_CHANGES, ARRIVAL_RECORD, DAMAGE, ARRIVAL_NOTE, PLATFORM_CONTRACT_NUMBER,
					INVOICE_LINES));
			if (TASK_CHECK_INVOICE.equals(task.getTaskDefinitionKey())) {
				// a new invoice: the form must not open filled with the previous one
				task.getExecution().removeVariables(List.of(INVOICE_NUMBER, INVOICE_DATE, AMOUNT_EXCLUDING_TAX, TAX));
			}
			task.setVariablesLocal(shown((String) task.getVariable(CONTRACT_NUMBER), task.getProcessInstanceId()));
		}

		@EventListener
		void contractChanged(ApprovalSheet.Recorded entry) {
			if (!CHANGES.contains(entry.type())) {
				return;
			}
			Contract c = contracts.contract(entry.caseNumber());
			if (c.processInstanceId() == null) {
				return;
			}
			// the task whose answer changed the contract is ending: only the others are shown again
			BpmnExecutionContext running = Context.getBpmnExecutionContext();
			String ending = running == null ? null : running.getExecution().getId();
			Map<String, Object> shown = null;
			for (Task open : taskService.createTaskQuery().processInstanceId(c.processInstanceId()).list()) {
				if (!open.getExecutionId().equals(ending)) {
					shown = shown == null ? shown(c.contractNumber(), c.processInstanceId()) : shown;
					taskService.setVariablesLocal(open.getId(), shown);
				}
			}
		}

		private Map<String, Object> shown(String number, String processInstanceId) {
			Contract c = contracts.contract(number);
			List<ContractLine> lines = contracts.lines(number);
			Map<String, Integer> invoiced = c.mayHaveInvoices() ? invoices.invoicedCartons(number) : Map.of();
			BigDecimal amount = lines.stream().map(ContractLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			String schedule = c.deliverySchedule();
			int cartons = lines.stream().mapToInt(ContractLine::cartons).sum();
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("contractSummary", "%s；工業企業 %s；期間 %s；%d 個品規，%,d 條（%.1f 箱），金額 ¥%,.2f%s".formatted(
					c.status().chineseName(), c.manufacturerCode(), c.period(), lines.size(), cartons, cartons / 250.0,
					amount, c.planNumber() == null ? "；不依計畫：" + c.reason() : "；依購進計畫 " + c.planNumber())
					+ (schedule == null ? "" : "；交貨：" + schedule));
			List<Map<String, Object>> rows = new ArrayList<>();
			for (ContractLine l : lines) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("product", l.productCode() + " " + l.productName());
				row.put("cartons", l.cartons());
				row.put("price", l.unitPrice().toPlainString());
				row.put("plan", l.plannedCartons() == null ? "—" : l.plannedCartons() + " 條 @ " + l.plannedPrice().toPlainString());
				row.put("received", l.receivedCartons());
				row.put("remaining", l.remainingCartons());
				int billed = invoiced.getOrDefault(l.productCode(), 0);
				row.put("invoiced", billed);
				// what an invoice may still bill: what arrived and is not billed yet
				row.put("invoiceable", Math.max(0, l.receivedCartons() - billed));
				row.put("reason", l.deviationReason() == null ? "" : l.deviationReason());
				rows.add(row);
			}
			shown.put("contractLines", FormTables.json(json, rows));
			// what a contract drafted by hand may buy: the manufacturer's products on sale, with their prices
			List<Map<String, Object>> offered = new ArrayList<>();
			if (lines.isEmpty()) {
				for (Product p : catalog.productsOf(c.manufacturerCode())) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("code", p.code());
					row.put("name", p.name());
					row.put("brand", p.brand());
					row.put("allocation", p.allocationPrice().toPlainString());
					row.put("priceClass", p.priceClass().chineseName());
					offered.add(row);
				}
			}
			shown.put("manufacturerProducts", FormTables.json(json, offered));
			shown.put("contractHistory", FormTables.json(json, FormTables.approvalSheet(interventions.sheet(contracts.history(number), processInstanceId))));
			return shown;
		}
	}

}
