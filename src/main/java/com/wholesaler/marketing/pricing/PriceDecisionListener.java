package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** Records a reviewer's decision on the proposal as the review task ends. */
@Component
public class PriceDecisionListener extends TaskAnswerListener {

	static final String APPROVE_URGENT = "APPROVE_URGENT";

	private final PriceProposals proposals;

	public PriceDecisionListener(PriceProposals proposals) {
		this.proposals = proposals;
	}

	@Override
	protected void answered(DelegateExecution execution) {
		Object value = execution.getVariable(DECISION);
		boolean urgent = APPROVE_URGENT.equals(value);
		proposals.decide((String) execution.getVariable(PROPOSAL_NUMBER),
				STEP_BY_TASK.get(execution.getCurrentActivityId()),
				urgent ? Decision.APPROVE : Decision.of(value), urgent, (String) execution.getVariable(COMMENT));
	}
}
