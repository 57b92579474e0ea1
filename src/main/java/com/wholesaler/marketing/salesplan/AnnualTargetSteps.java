package com.wholesaler.marketing.salesplan;

import java.time.Clock;
import java.time.LocalDate;

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

/** The steps of annual-targets.bpmn, each a bean it names: thin, each calls AnnualTargets. */
public final class AnnualTargetSteps {

	static final String NUMBER = "targetNumber";
	static final String DRAFTER = "drafter";

	private AnnualTargetSteps() {
	}

	/** The figures as the start and revise forms hold them, read only when asked. */
	private static TargetFigures figures(DelegateExecution execution, Clock clock) {
		return TargetFigures.of(execution.getVariable("year"), execution.getVariable("cartons"), execution.getVariable("salesAmount"),
				execution.getVariable("grossMargin"), execution.getVariable("premiumShare"), execution.getVariable("activeRetailers"),
				LocalDate.now(clock).getYear());
	}

	/** Records the draft from the start form; its number becomes the business key. */
	@Component("annualTargetsStartListener")
	public static class Start implements ExecutionListener {
		private final AnnualTargets targets;
		private final Clock clock;

		Start(AnnualTargets targets, Clock clock) {
			this.targets = targets;
			this.clock = clock;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = targets.draft(figures(execution, clock), (String) execution.getVariable("note"));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
				execution.setVariable(DRAFTER, targets.target(number).drafter());
			});
		}
	}

	/** Whether the stored targets were approved, or withdrawn by the drafter: the paths after each step. Reads only. */
	@Component("annualTargetCase")
	@ModelExpression
	public static class Model {
		private final AnnualTargets targets;

		Model(AnnualTargets targets) {
			this.targets = targets;
		}

		public boolean approved(String number) {
			return targets.target(number).status() == AnnualTargets.Status.APPROVED;
		}

		public boolean withdrawn(String number) {
			return targets.target(number).status() == AnnualTargets.Status.WITHDRAWN;
		}
	}

	@Component("annualTargetDecisionListener")
	public static class Decide extends TaskAnswerListener {
		private final AnnualTargets targets;

		Decide(AnnualTargets targets) {
			this.targets = targets;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			targets.decide((String) execution.getVariable(NUMBER), execution.getVariable("decision"), (String) execution.getVariable("comment"));
		}
	}

	@Component("annualTargetReviseListener")
	public static class Revise extends TaskAnswerListener {
		private final AnnualTargets targets;
		private final Clock clock;

		Revise(AnnualTargets targets, Clock clock) {
			this.targets = targets;
			this.clock = clock;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			Object action = execution.getVariable("reviseAction");
			targets.revise((String) execution.getVariable(NUMBER), action == null ? null : action.toString(), () -> figures(execution, clock),
					(String) execution.getVariable("note"));
		}
	}

	/** What the forms show, read from the stored targets as each task is created. */
	@Component("annualTargetDisplay")
	public static class Display implements TaskListener {
		private final AnnualTargets targets;
		private final ObjectMapper json;

		Display(AnnualTargets targets, ObjectMapper json) {
			this.targets = targets;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			AnnualTargets.AnnualTarget t = targets.target((String) task.getVariable(NUMBER));
			String before = targets.approved(t.year()).filter(a -> !a.targetNumber().equals(t.targetNumber()))
					.map(a -> "（現行 %s：%,d 條，%s 萬元）".formatted(a.targetNumber(), a.cartons(), a.salesAmount().toPlainString())).orElse("");
			task.setVariableLocal("targetSummary", "%d 年第 %d 版%s：銷量 %,d 條；銷售額 %s 萬元；毛利率 %s%%；一二類煙佔比 %s%%；活躍零售客戶 %,d 戶。%s".formatted(
					t.year(), t.version(), before, t.cartons(), t.salesAmount().toPlainString(), t.grossMargin().toPlainString(),
					t.premiumShare().toPlainString(), t.activeRetailers(), t.note() == null ? "" : "說明：" + t.note()));
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(targets.history(t.targetNumber()))));
		}
	}
}
