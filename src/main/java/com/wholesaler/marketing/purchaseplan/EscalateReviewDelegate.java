package com.wholesaler.marketing.purchaseplan;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A review a day past due: the next level up may now take it as well (its group becomes a
 * candidate), and the escalation is recorded in the plan's history.
 */
@Component
public class EscalateReviewDelegate implements JavaDelegate {

	private final PurchasePlans plans;
	private final TaskService taskService;

	public EscalateReviewDelegate(PurchasePlans plans, TaskService taskService) {
		this.plans = plans;
		this.taskService = taskService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Task review = OpenReview.of(taskService, execution);
		PlanStep step = PurchasePlanProcess.stepOf(review.getTaskDefinitionKey());
		step.escalatesTo().ifPresent(role -> taskService.addCandidateGroup(review.getId(), role.groupId()));
		plans.escalate((String) execution.getVariable(PurchasePlanProcess.PLAN_NUMBER), step);
	}
}
