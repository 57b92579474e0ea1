package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The proposer resubmits the revised prices, or withdraws the proposal (see PlanReviewListener on why "end"). */
@Component
public class PriceReviseListener extends TaskAnswerListener {

	private final PriceProposals proposals;
	private final CurrentUser currentUser;

	public PriceReviseListener(PriceProposals proposals, CurrentUser currentUser) {
		this.proposals = proposals;
		this.currentUser = currentUser;
	}

	@Override
	protected void answered(DelegateExecution execution) {
		String number = (String) execution.getVariable(PROPOSAL_NUMBER);
		Object action = execution.getVariable(REVISE_ACTION);
		if ("RESUBMIT".equals(action)) {
			proposals.revise(number, PriceForms.prices(execution.getVariable(LINES), "proposedWholesale", "proposedRetail"),
					(String) execution.getVariable(REASON), PriceForms.date(execution.getVariable(EFFECTIVE_DATE)),
					currentUser.id());
		}
		else if ("WITHDRAW".equals(action)) {
			proposals.withdraw(number, currentUser.id(), (String) execution.getVariable(COMMENT));
		}
		else {
			throw new BusinessRuleException("請選擇「修改後重新提交」或「撤回建議」(choose resubmit or withdraw)");
		}
	}
}
