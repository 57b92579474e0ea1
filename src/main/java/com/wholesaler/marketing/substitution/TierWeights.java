package com.wholesaler.marketing.substitution;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The tier weights process owners keep in processes/tier-weights.dmn, as w[1..30]. */
@Component
public class TierWeights {

	private final DecisionService decisionService;

	public TierWeights(DecisionService decisionService) {
		this.decisionService = decisionService;
	}

	public double[] weights() {
		double[] weights = new double[TierAllocation.TIERS + 1];
		for (int t = 1; t <= TierAllocation.TIERS; t++) {
			Object weight = decisionService.evaluateDecisionTableByKey(ShortageProcess.TIER_WEIGHT_DECISION,
					Variables.putValue("tier", t)).getSingleEntry();
			weights[t] = ((Number) weight).doubleValue();
		}
		return weights;
	}
}
