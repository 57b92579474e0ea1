package com.wholesaler.marketing.salesplan;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The steps of sales-plan-approval.bpmn, each a bean it names: thin, each calls SalesPlans. */
public final class SalesPlanSteps {

	static final String NUMBER = "salesPlanNumber";
	static final String DRAFTER = "drafter";
	static final String REGION = "regionCode";

	private SalesPlanSteps() {
	}

	/** Opens the month's plan with the system's proposal; its number becomes the business key. */
	@Component("salesPlanStartListener")
	public static class Start implements ExecutionListener {
		private final SalesPlans plans;

		Start(SalesPlans plans) {
			this.plans = plans;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = plans.open(execution.getVariable("month"), (String) execution.getVariable("note"));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
				execution.setVariable(DRAFTER, plans.plan(number).drafter());
			});
		}
	}

	/** The paths after each step and the regions that acknowledge, read from the stored plan. */
	@Component("salesPlanCase")
	@ModelExpression
	public static class Model {
		private final SalesPlans plans;

		Model(SalesPlans plans) {
			this.plans = plans;
		}

		public boolean withdrawn(String number) {
			return plans.plan(number).status() == SalesPlans.Status.WITHDRAWN;
		}

		public boolean reviewed(String number) {
			return plans.plan(number).status() == SalesPlans.Status.APPROVING;
		}

		public boolean approved(String number) {
			return plans.plan(number).status() == SalesPlans.Status.APPROVED;
		}

		public List<String> regions(String number) {
			plans.plan(number);
			return plans.acknowledgingRegions();
		}
	}

	@Component("salesPlanDraftListener")
	public static class Draft extends TaskAnswerListener {
		private final SalesPlans plans;

		Draft(SalesPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			String number = (String) execution.getVariable(NUMBER);
			String note = (String) execution.getVariable("note");
			Object action = execution.getVariable("draftAction");
			if ("SUBMIT".equals(action)) {
				plans.submit(number, note);
			}
			else if ("WITHDRAW".equals(action)) {
				plans.withdraw(number, note);
			}
			else {
				throw new BusinessRuleException("請選擇「提交分解」或「撤回計畫」(submit or withdraw)");
			}
		}
	}

	/** As the split task is created, products not yet split (or changed since) get the default split. */
	@Component("salesPlanPrepareSplit")
	public static class PrepareSplit implements TaskListener {
		private final SalesPlans plans;

		PrepareSplit(SalesPlans plans) {
			this.plans = plans;
		}

		@Override
		public void notify(DelegateTask task) {
			plans.prepareSplit((String) task.getVariable(NUMBER));
		}
	}

	@Component("salesPlanSplitListener")
	public static class Split extends TaskAnswerListener {
		private final SalesPlans plans;

		Split(SalesPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			plans.submitSplit((String) execution.getVariable(NUMBER), (String) execution.getVariable("note"));
		}
	}

	@Component("salesPlanReviewListener")
	public static class Review extends TaskAnswerListener {
		private final SalesPlans plans;

		Review(SalesPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			plans.decide((String) execution.getVariable(NUMBER), SalesPlanStep.REVIEW, execution.getVariable("decision"),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("salesPlanApprovalListener")
	public static class Approve extends TaskAnswerListener {
		private final SalesPlans plans;

		Approve(SalesPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			plans.decide((String) execution.getVariable(NUMBER), SalesPlanStep.APPROVE, execution.getVariable("decision"),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("salesPlanAcknowledgeListener")
	public static class Acknowledge extends TaskAnswerListener {
		private final SalesPlans plans;

		Acknowledge(SalesPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			plans.acknowledge((String) execution.getVariable(NUMBER), (String) execution.getVariable(REGION));
		}
	}

	/** What the forms show, read from the stored plan as each task is created. */
	@Component("salesPlanDisplay")
	public static class Display implements TaskListener {
		private final SalesPlans plans;
		private final ObjectMapper json;

		Display(SalesPlans plans, ObjectMapper json) {
			this.plans = plans;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			String number = (String) task.getVariable(NUMBER);
			SalesPlans.SalesPlan plan = plans.plan(number);
			List<SalesPlanLine> lines = plans.lines(number);
			long planned = lines.stream().mapToLong(SalesPlanLine::planned).sum();
			long proposed = lines.stream().mapToLong(SalesPlanLine::proposed).sum();
			long lastYear = lines.stream().mapToLong(SalesPlanLine::lastYear).sum();
			String region = (String) task.getVariable(REGION);
			String summary = "%s 月銷售計畫：%d 個規格，計畫 %,d 條（系統建議 %,d 條，去年同月 %,d 條）。%s".formatted(plan.month(), lines.size(), planned,
					proposed, lastYear, plan.basis());
			if (region != null) {
				Map<String, Long> totals = plans.unitTotals(number);
				String name = plans.units().stream().filter(u -> u.code().equals(region)).map(SalesPlans.Unit::name).findFirst().orElse(region);
				summary = "%s %s 月銷售任務：%,d 條（全公司 %,d 條）。明細見計畫頁。".formatted(name, plan.month(), totals.getOrDefault(region, 0L), planned);
				task.setVariableLocal("regionName", name);
			}
			task.setVariableLocal("caseSummary", summary);
			task.setVariableLocal("planUrl", "/sales-plans/" + number);
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(plans.history(number))));
		}
	}
}
