package com.wholesaler.marketing.purchaseplan;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** An overdue review: records the reminder for whoever holds the review now. */
@Component
public class RemindReviewerDelegate implements JavaDelegate {

	private final PurchasePlans plans;
	private final TaskService taskService;

	public RemindReviewerDelegate(PurchasePlans plans, TaskService taskService) {
		this.plans = plans;
		this.taskService = taskService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Task review = OpenReview.of(taskService, execution);
		plans.remind((String) execution.getVariable(PurchasePlanProcess.PLAN_NUMBER),
				PurchasePlanProcess.stepOf(review.getTaskDefinitionKey()), holder(review));
	}

	private String holder(Task review) {
		if (review.getAssignee() != null) {
			return review.getAssignee();
		}
		return String.join("、", taskService.getIdentityLinksForTask(review.getId()).stream()
				.map(IdentityLink::getGroupId).filter(g -> g != null).toList());
	}
}
