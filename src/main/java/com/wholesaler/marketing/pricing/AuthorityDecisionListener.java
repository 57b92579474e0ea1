package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/**
 * The price authority's decision, whether it arrived as the message PriceDecision (variables
 * authorityDecision, authorityReason, finalPrices) or was entered from paper by the general administrator.
 */
@Component
public class AuthorityDecisionListener extends TaskAnswerListener {

	private final PriceProposals proposals;
	private final IdentityService identityService;

	public AuthorityDecisionListener(PriceProposals proposals, IdentityService identityService) {
		this.proposals = proposals;
		this.identityService = identityService;
	}

	@Override
	protected void answered(DelegateExecution execution) {
		Object decision = execution.getVariable(AUTHORITY_DECISION);
		if (!"ACCEPTED".equals(decision) && !"REFUSED".equals(decision)) {
			throw new BusinessRuleException("請選擇上級的批覆：批准或未批准 (choose ACCEPTED or REFUSED)");
		}
		Authentication user = identityService.getCurrentAuthentication();
		proposals.authorityDecided((String) execution.getVariable(PROPOSAL_NUMBER), "ACCEPTED".equals(decision),
				(String) execution.getVariable(AUTHORITY_REASON),
				PriceForms.prices(execution.getVariable(FINAL_PRICES), "wholesale", "retail"),
				user == null ? null : user.getUserId());
	}
}
