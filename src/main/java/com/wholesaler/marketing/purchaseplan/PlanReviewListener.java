package com.wholesaler.marketing.purchaseplan;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.COMMENT;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.DECISION;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.PLAN_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/**
 * Records a reviewer's decision on the plan when the review task ends; the plan refuses what its
 * rules do not allow. An execution listener rather than a task listener: the engine passes its
 * refusal on unchanged, so the reviewer reads the rule's own message. A task that ends because its
 * process is cancelled decides nothing.
 */
@Component
public class PlanReviewListener extends TaskAnswerListener {

	private final PurchasePlans plans;

	public PlanReviewListener(PurchasePlans plans) {
		this.plans = plans;
	}

	@Override
	protected void answered(DelegateExecution execution) {
		plans.decide(
				(String) execution.getVariable(PLAN_NUMBER),
				PurchasePlanProcess.stepOf(execution.getCurrentActivityId()),
				Decision.of(execution.getVariable(DECISION)),
				(String) execution.getVariable(COMMENT));
	}
}
