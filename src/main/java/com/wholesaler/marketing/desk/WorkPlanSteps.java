package com.wholesaler.marketing.desk;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The steps of work-plan.bpmn, each a bean it names: thin, each calls WorkPlans. */
public final class WorkPlanSteps {

	static final String NUMBER = "planNumber";
	static final String DRAFTER = "drafter";

	private WorkPlanSteps() {
	}

	/** Records the plan from the start form; its number becomes the business key. */
	@Component("workPlanStartListener")
	public static class Start implements ExecutionListener {
		private final WorkPlans plans;

		Start(WorkPlans plans) {
			this.plans = plans;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = plans.draft(execution.getVariable("department"), execution.getVariable("month"),
						execution.getVariable("items"), (String) execution.getVariable("note"));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
				execution.setVariable(DRAFTER, plans.plan(number).drafter());
			});
		}
	}

	/** Whether the stored plan was approved or withdrawn, and when its month ends: the paths and the timer. Reads only. */
	@Component("workPlanCase")
	@ModelExpression
	public static class Model {
		private final WorkPlans plans;

		Model(WorkPlans plans) {
			this.plans = plans;
		}

		public boolean approved(String number) {
			return plans.plan(number).status() == WorkPlans.Status.APPROVED;
		}

		public boolean withdrawn(String number) {
			return plans.plan(number).status() == WorkPlans.Status.WITHDRAWN;
		}

		/** The group of the department's head: the drafter holds the task, the head's role may see it. */
		public String departmentHead(String number) {
			return plans.plan(number).department().head().groupId();
		}

		public java.util.Date monthEnd(String number) {
			return plans.monthEnd(number);
		}
	}

	@Component("workPlanDecisionListener")
	public static class Decide extends TaskAnswerListener {
		private final WorkPlans plans;

		Decide(WorkPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			plans.decide((String) execution.getVariable(NUMBER), execution.getVariable("decision"), (String) execution.getVariable("comment"));
		}
	}

	@Component("workPlanReviseListener")
	public static class Revise extends TaskAnswerListener {
		private final WorkPlans plans;

		Revise(WorkPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			plans.revise((String) execution.getVariable(NUMBER), execution.getVariable("reviseAction"), execution.getVariable("items"),
					(String) execution.getVariable("note"));
		}
	}

	@Component("workPlanReportListener")
	public static class Report extends TaskAnswerListener {
		private final WorkPlans plans;

		Report(WorkPlans plans) {
			this.plans = plans;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			plans.report((String) execution.getVariable(NUMBER), execution.getVariable("outcomes"), (String) execution.getVariable("note"));
		}
	}

	/**
	 * What the forms show, read from the stored plan as each task is created. The revise form shows the items
	 * as last submitted (the process's own variable); the month-end form starts from every item done.
	 */
	@Component("workPlanDisplay")
	public static class Display implements TaskListener {
		private final WorkPlans plans;
		private final ObjectMapper json;

		Display(WorkPlans plans, ObjectMapper json) {
			this.plans = plans;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			WorkPlans.WorkPlan plan = plans.plan((String) task.getVariable(NUMBER));
			task.setVariableLocal("caseSummary", "%s %s 月工作計畫，共 %d 項（擬訂：%s）%s".formatted(plan.department().chineseName(),
					plan.month(), plan.items().size(), plan.drafter(), plan.note() == null ? "" : "。說明：" + plan.note()));
			task.setVariableLocal("planItems", FormTables.json(json, plan.items().stream().map(i -> java.util.Map.of(
					"no", (Object) i.number(), "title", i.title(), "owner", i.owner(), "due", i.due().toString())).toList()));
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(plans.history(plan.planNumber()))));
			if ("Task_ReportPlanProgress".equals(task.getTaskDefinitionKey())) {
				// on the process, not the task: the form's answer replaces it there, where the step reads it
				task.setVariable("outcomes", plan.outcomeTemplate());
			}
		}
	}
}
