package com.wholesaler.marketing.brands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** The steps of brand-cultivation.bpmn, each a bean it names: thin, each calls {@link BrandCultivations}. */
public final class CultivationSteps {

	static final String NUMBER = "cultivationNumber";
	static final String TASK_REVISE = "Task_ReviseCultivation";
	static final String TASK_EVALUATE = "Task_EvaluateQuarter";

	private CultivationSteps() {
	}

	static BrandCultivations.Draft draft(DelegateExecution e) {
		return BrandCultivations.Draft.of(e.getVariable("brand"), e.getVariable("manufacturerCode"), e.getVariable("planYear"),
				e.getVariable("goals"), e.getVariable("measures"), e.getVariable("support"));
	}

	@Component("cultivationStartListener")
	public static class Start implements ExecutionListener {
		private final BrandCultivations cultivations;

		Start(BrandCultivations cultivations) {
			this.cultivations = cultivations;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = cultivations.draft(draft(execution));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
				execution.setVariable("drafter", cultivations.cultivation(number).drafter());
			});
		}
	}

	/** The gateways' and the timer's questions, answered from the stored plan. */
	@Component("cultivationCase")
	@ModelExpression
	public static class Model {
		private final BrandCultivations cultivations;

		Model(BrandCultivations cultivations) {
			this.cultivations = cultivations;
		}

		public boolean approved(String number) {
			return cultivations.cultivation(number).status() == BrandCultivations.Status.IN_FORCE;
		}

		public boolean withdrawn(String number) {
			return cultivations.cultivation(number).status() == BrandCultivations.Status.WITHDRAWN;
		}

		public boolean completed(String number) {
			return cultivations.cultivation(number).status() == BrandCultivations.Status.COMPLETED;
		}

		public java.util.Date nextEvaluationAt(String number) {
			return cultivations.nextEvaluationAt(number);
		}
	}

	@Component("cultivationApprovalListener")
	public static class Approve extends TaskAnswerListener {
		private final BrandCultivations cultivations;

		Approve(BrandCultivations cultivations) {
			this.cultivations = cultivations;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			cultivations.decide((String) execution.getVariable(NUMBER), execution.getVariable("decision"), (String) execution.getVariable("comment"));
		}
	}

	@Component("cultivationReviseListener")
	public static class Revise extends TaskAnswerListener {
		private final BrandCultivations cultivations;

		Revise(BrandCultivations cultivations) {
			this.cultivations = cultivations;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			cultivations.revise((String) execution.getVariable(NUMBER), execution.getVariable("reviseAction"), () -> draft(execution),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("cultivationEvaluationListener")
	public static class Evaluate extends TaskAnswerListener {
		private final BrandCultivations cultivations;

		Evaluate(BrandCultivations cultivations) {
			this.cultivations = cultivations;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			cultivations.evaluate((String) execution.getVariable(NUMBER), execution.getVariable("priceRealisation"),
					(String) execution.getVariable("evaluation"));
		}
	}

	/** What the forms show, read from the stored plan; the revise form gets the plan to edit, the evaluation the quarter's actuals. */
	@Component("cultivationDisplay")
	public static class Display implements TaskListener {
		private final BrandCultivations cultivations;
		private final ObjectMapper json;

		Display(BrandCultivations cultivations, ObjectMapper json) {
			this.cultivations = cultivations;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			String number = (String) task.getVariable(NUMBER);
			BrandCultivations.Cultivation c = cultivations.cultivation(number);
			BrandCultivations.Draft d = cultivations.draftOf(c);
			task.setVariableLocal("caseSummary", c.status().chineseName() + "。" + BrandCultivations.summary(d));
			task.setVariableLocal("brandUrl", "/brands/" + c.brand());
			task.setVariableLocal("goalRows", FormTables.json(json, rows(c, cultivations.quarters(number))));
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(cultivations.history(number))));
			if (TASK_REVISE.equals(task.getTaskDefinitionKey())) {
				task.setVariable("brand", d.brand());
				task.setVariable("manufacturerCode", d.manufacturerCode());
				task.setVariable("planYear", String.valueOf(d.year()));
				task.setVariable("goals", BrandCultivations.goalsText(d.goals()));
				task.setVariable("measures", d.measures());
				task.setVariable("support", d.support());
			}
			if (TASK_EVALUATE.equals(task.getTaskDefinitionKey())) {
				cultivations.nextQuarter(number).ifPresent(q -> {
					BrandCultivations.Actuals a = cultivations.actuals(c.brand(), c.year(), q.goal());
					task.setVariableLocal("quarterSummary", "第 %d 季（%s 至 %s）：覆蓋率 %s%%（%,d / %,d 家，目標 %s%%），銷量 %,d 條（目標 %,d 條）；價格到位率目標 %s%%，請按市場調研填寫。"
							.formatted(q.goal().quarter(), q.goal().firstDay(c.year()), q.goal().lastDay(c.year()), a.coveragePercent(),
									a.orderingRetailers(), a.activeRetailers(), q.goal().coveragePercent(), a.cartons(), q.goal().cartons(),
									q.goal().priceRealisation()));
				});
			}
		}

		private static List<Map<String, Object>> rows(BrandCultivations.Cultivation c, List<BrandCultivations.Quarter> quarters) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (BrandCultivations.Quarter q : quarters) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("quarter", c.year() + " Q" + q.goal().quarter());
				row.put("coverage", q.goal().coveragePercent() + "%" + (q.evaluated() ? " → " + q.actualCoverage() + "%" : ""));
				row.put("cartons", q.goal().cartons() + (q.evaluated() ? " → " + q.actualCartons() : ""));
				row.put("realisation", q.goal().priceRealisation() + "%" + (q.evaluated() ? " → " + q.actualRealisation() + "%" : ""));
				row.put("evaluation", q.evaluated() ? q.evaluation() : "");
				rows.add(row);
			}
			return rows;
		}
	}
}
