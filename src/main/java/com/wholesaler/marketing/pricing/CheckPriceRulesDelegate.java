package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Runs the process owners' rule table (processes/price-adjustment-rules.dmn) on every line and
 * records the verdict: refused back to the proposer, needs the executive, may take effect at once.
 */
@Component
public class CheckPriceRulesDelegate implements JavaDelegate {

	private final PriceProposals proposals;
	private final DecisionService decisionService;

	public CheckPriceRulesDelegate(PriceProposals proposals, DecisionService decisionService) {
		this.proposals = proposals;
		this.decisionService = decisionService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = (String) execution.getVariable(PROPOSAL_NUMBER);
		Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>();
		for (PriceLine line : proposals.lines(number)) {
			outcomes.put(line.productCode(), decisionService.evaluateDecisionTableByKey(DECISION_ID, Variables.createVariables()
					.putValue("retailToWholesaleRatio", line.retailToWholesaleRatio().doubleValue())
					.putValue("maxChangePercent", line.maxChangePercent().doubleValue())
					.putValue("priceClassChanged", line.priceClassChanges())
					.putValue("wholesaleIncreasePercent", line.wholesaleChangePercent().doubleValue()))
					.getResultList());
		}
		PriceRuleVerdict verdict = PriceRuleVerdict.of(outcomes);
		// the verdict is kept on the proposal, where the gateways read it (PriceRoute)
		proposals.rulesChecked(number, verdict);
	}
}
