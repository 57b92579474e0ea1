package com.wholesaler.marketing.pricing;

import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;

/**
 * What the gateways of the price model ask, answered from the stored proposal at the moment the
 * gateway is reached: never from a variable a task could have sent.
 */
@Component("priceRoute")
@ModelExpression
public class PriceRoute {

	private final PriceProposals proposals;

	PriceRoute(PriceProposals proposals) {
		this.proposals = proposals;
	}

	/** The rules let the proposal on to review (a refusal sent it back to the proposer). */
	public boolean rulesPassed(String proposalNumber) {
		PriceProposal p = proposals.proposal(proposalNumber);
		return p.awaits(ProposalStep.REVIEW_PLANNING_HEAD);
	}

	/** After the director's approval the executive decides too: the rules asked for it. */
	public boolean needsExecutive(String proposalNumber) {
		return proposals.proposal(proposalNumber).awaits(ProposalStep.APPROVE_EXECUTIVE);
	}

	/** The director let the prices apply at once (先執行後報備): the report to the authority follows. */
	public boolean urgent(String proposalNumber) {
		return proposals.proposal(proposalNumber).urgent();
	}
}
