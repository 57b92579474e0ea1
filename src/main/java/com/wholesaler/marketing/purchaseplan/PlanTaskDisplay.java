package com.wholesaler.marketing.purchaseplan;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.COMMENT;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.DECISION;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.DRAFT_ACTION;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.PLAN_NUMBER;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.SUBMIT_NOTE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.AdministratorInterventions;

/**
 * When a plan task is created, puts what its form shows on the task: read from the plan record at
 * that moment (totals, biggest changes, the history of decisions), as task-local variables that
 * end with the task. The previous step's decision and comment are cleared so that every reviewer
 * starts from an empty form.
 */
@Component
public class PlanTaskDisplay implements TaskListener {

	static final int BIGGEST_CHANGES = 10;

	private final PurchasePlans plans;
	private final ObjectMapper json;
	private final AdministratorInterventions interventions;

	public PlanTaskDisplay(PurchasePlans plans, ObjectMapper json, AdministratorInterventions interventions) {
		this.plans = plans;
		this.json = json;
		this.interventions = interventions;
	}

	@Override
	public void notify(DelegateTask task) {
		// the choices and the comment start empty for every task (AnswersStartEmpty); the note is the plan's own
		task.getExecution().removeVariable(SUBMIT_NOTE);
		String planNumber = (String) task.getVariable(PLAN_NUMBER);
		PurchasePlan plan = plans.plan(planNumber);
		List<PlanLine> lines = plans.lines(planNumber);
		PlanTotals totals = PlanTotals.of(lines);
		List<ApprovalEvent> history = plans.history(planNumber);

		task.setVariableLocal("planPeriod", plan.period().toString());
		task.setVariableLocal("planTotals", totals.summary());
		task.setVariableLocal("planUrl", "/plans/" + planNumber);
		task.setVariableLocal("lastReturnComment", history.stream()
				.filter(e -> e.type() == ApprovalEventType.RETURN).reduce((first, second) -> second)
				.map(e -> "%s（%s，%s）".formatted(e.comment(), e.actor(), e.stepName())).orElse(null));
		task.setVariableLocal("decisionHistory", FormTables.json(json, FormTables.approvalSheet(interventions.sheet(history, task.getProcessInstanceId()))));
		task.setVariableLocal("biggestChanges", FormTables.json(json, changeRows(PlanLine.biggestChanges(lines, BIGGEST_CHANGES))));
	}

	private static List<Map<String, Object>> changeRows(List<PlanLine> lines) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (PlanLine l : lines) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("product", l.productCode() + " " + l.productName());
			row.put("suggested", l.suggestedCartons());
			row.put("planned", l.plannedCartons());
			row.put("change", (l.change() > 0 ? "+" : "") + l.change());
			rows.add(row);
		}
		return rows;
	}
}
