package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.EngineErrors;

/** Opens the proposal record from the start form; its number becomes the business key. */
@Component
public class PriceProposalStartListener implements ExecutionListener {

	private final PriceProposals proposals;
	private final CurrentUser currentUser;

	public PriceProposalStartListener(PriceProposals proposals, CurrentUser currentUser) {
		this.proposals = proposals;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateExecution execution) {
		EngineErrors.refuseOnRuleViolation(() -> {
			String proposer = currentUser.id();
			String number = proposals.propose(
					PriceForms.prices(execution.getVariable(LINES), "proposedWholesale", "proposedRetail"),
					(String) execution.getVariable(REASON), PriceForms.date(execution.getVariable(EFFECTIVE_DATE)), proposer);
			proposals.attachProcess(number, execution.getProcessInstanceId());
			execution.setProcessBusinessKey(number);
			execution.setVariable(PROPOSAL_NUMBER, number);
			execution.setVariable(PROPOSER, proposer);
		});
	}
}
