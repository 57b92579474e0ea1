package com.wholesaler.marketing.contract;

import static com.wholesaler.marketing.contract.AmendmentProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The steps of contract-amendment.bpmn: thin adapters from the engine to {@link ContractAmendments}. */
public final class AmendmentSteps {

	private AmendmentSteps() {
	}

	/** Records the request against the contract's current version; the amendment number becomes the business key. */
	@Component("amendmentStartListener")
	public static class Start implements ExecutionListener {
		private final ContractAmendments amendments;
		private final CurrentUser currentUser;

		Start(ContractAmendments amendments, CurrentUser currentUser) {
			this.amendments = amendments;
			this.currentUser = currentUser;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				amendments.mayRequest(currentUser.actor(), (String) execution.getVariable(AMENDMENT_KIND));
				ContractAmendment a = amendments.request((String) execution.getVariable(CONTRACT_NUMBER),
						(String) execution.getVariable(AMENDMENT_KIND), LineChanges.parseAmendment((String) execution.getVariable(AMENDMENT_LINES)),
						(String) execution.getVariable(DELIVERY_SCHEDULE), (String) execution.getVariable(REASON), currentUser.id());
				amendments.attachProcess(a.amendmentNumber(), execution.getProcessInstanceId());
				execution.setProcessBusinessKey(a.amendmentNumber());
				execution.setVariable(CONTRACT_NUMBER, a.contractNumber());
				execution.setVariable(AMENDMENT_NUMBER, a.amendmentNumber());
				execution.setVariable(QUANTITY_CHANGE_PERCENT, a.quantityChangePercent().doubleValue());
				execution.setVariable(PRICE_CHANGED, a.priceChanged());
			});
		}
	}

	@Component("amendmentDecisionListener")
	public static class Decide extends TaskAnswerListener {
		private final ContractAmendments amendments;

		Decide(ContractAmendments amendments) {
			this.amendments = amendments;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			amendments.decide((String) execution.getVariable(AMENDMENT_NUMBER),
					TASK_REVIEW.equals(execution.getCurrentActivityId()) ? ContractStep.AMENDMENT_REVIEW : ContractStep.AMENDMENT_APPROVE,
					Decision.of(execution.getVariable(DECISION)), (String) execution.getVariable(COMMENT));
		}
	}

	/** Keeps the rule table's route on the amendment as soon as it is given: who approves is then fixed. */
	@Component("amendmentRouteListener")
	public static class Route implements ExecutionListener {
		private final ContractAmendments amendments;

		Route(ContractAmendments amendments) {
			this.amendments = amendments;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> amendments.routed((String) execution.getVariable(AMENDMENT_NUMBER),
					(String) execution.getVariable(APPROVAL_ROUTE)));
		}
	}

	@Component("amendmentApplyDelegate")
	public static class Apply implements JavaDelegate {
		private final ContractAmendments amendments;

		Apply(ContractAmendments amendments) {
			this.amendments = amendments;
		}

		@Override
		public void execute(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> amendments.apply((String) execution.getVariable(AMENDMENT_NUMBER)));
		}
	}

	/** What the approver sees: every line before and after, read when the task opens; earlier answers are cleared. */
	@Component("amendmentTaskDisplay")
	public static class Display implements TaskListener {
		private final ContractAmendments amendments;
		private final Contracts contracts;
		private final ObjectMapper json;

		Display(ContractAmendments amendments, Contracts contracts, ObjectMapper json) {
			this.amendments = amendments;
			this.contracts = contracts;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			ContractAmendment a = amendments.amendment((String) task.getVariable(AMENDMENT_NUMBER));
			task.setVariableLocal("amendmentSummary", "%s；合同 %s 第 %d 版 → 第 %d 版；單一品規數量最大變動 %s%%%s；理由：%s；提出人 %s".formatted(
					a.kind().chineseName(), a.contractNumber(), a.fromVersion(), a.toVersion(), a.quantityChangePercent().stripTrailingZeros().toPlainString(),
					a.priceChanged() ? "，單價有變" : "，單價不變", a.reason(), a.requestedBy())
					+ (a.newDeliverySchedule() == null ? "" : "；新的交貨安排：" + a.newDeliverySchedule()));
			Map<String, Contracts.LineChange> changes = new LinkedHashMap<>();
			LineChanges.parse(a.changes()).forEach(c -> changes.put(c.productCode().trim().toUpperCase(), c));
			List<Map<String, Object>> rows = new ArrayList<>();
			for (ContractLine l : contracts.lines(a.contractNumber())) {
				Contracts.LineChange c = changes.remove(l.productCode());
				rows.add(row(l.productCode() + " " + l.productName(), l.cartons() + " @ " + l.unitPrice().toPlainString(),
						c == null ? "不變" : c.cartons() == 0 ? "刪除" : c.cartons() + " @ " + (c.unitPrice() == null ? l.unitPrice() : c.unitPrice()).toPlainString(),
						l.receivedCartons()));
			}
			changes.values().forEach(c -> rows.add(row(c.productCode().trim().toUpperCase() + "（新增）", "—",
					c.cartons() + (c.unitPrice() == null ? " @ 調撥價" : " @ " + c.unitPrice().toPlainString()), 0)));
			task.setVariableLocal("amendmentChanges", FormTables.json(json, rows));
		}

		private static Map<String, Object> row(String product, String before, String after, int received) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("product", product);
			row.put("before", before);
			row.put("after", after);
			row.put("received", received);
			return row;
		}
	}
}
