package com.wholesaler.marketing.purchaseplan;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.DRAFT_ACTION;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.PLAN_NUMBER;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.SUBMIT_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The drafter submits the plan for review, or withdraws it, as the draft task ends (see {@link PlanReviewListener}). */
@Component
public class PlanDraftListener extends TaskAnswerListener {

	static final String SUBMIT = "SUBMIT";
	static final String WITHDRAW = "WITHDRAW";

	private final PurchasePlans plans;
	private final CurrentUser currentUser;

	public PlanDraftListener(PurchasePlans plans, CurrentUser currentUser) {
		this.plans = plans;
		this.currentUser = currentUser;
	}

	@Override
	protected void answered(DelegateExecution execution) {
		String planNumber = (String) execution.getVariable(PLAN_NUMBER);
		String note = (String) execution.getVariable(SUBMIT_NOTE);
		Object action = execution.getVariable(DRAFT_ACTION);
		if (SUBMIT.equals(action)) {
			plans.submit(planNumber, currentUser.id(), note);
		}
		else if (WITHDRAW.equals(action)) {
			plans.withdraw(planNumber, currentUser.id(), note);
		}
		else {
			throw new BusinessRuleException("請選擇「提交審核」或「撤回計畫」(choose submit or withdraw)");
		}
	}
}
