package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.EngineErrors;

/** Records a reviewer's decision on the proposal as the review task ends. */
@Component
public class PriceDecisionListener implements ExecutionListener {

	static final String APPROVE_URGENT = "APPROVE_URGENT";

	private final PriceProposals proposals;
	private final CurrentUser currentUser;

	public PriceDecisionListener(PriceProposals proposals, CurrentUser currentUser) {
		this.proposals = proposals;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.isCanceled()) {
			return;
		}
		EngineErrors.refuseOnRuleViolation(() -> {
			Object value = execution.getVariable(DECISION);
			boolean urgent = APPROVE_URGENT.equals(value);
			proposals.decide((String) execution.getVariable(PROPOSAL_NUMBER),
					STEP_BY_TASK.get(execution.getCurrentActivityId()), currentUser.id(),
					urgent ? Decision.APPROVE : Decision.of(value), urgent, (String) execution.getVariable(COMMENT));
			execution.setVariable(URGENT, urgent);
		});
	}
}
