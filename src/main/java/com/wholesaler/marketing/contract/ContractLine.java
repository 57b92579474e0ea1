package com.wholesaler.marketing.contract;

import java.math.BigDecimal;

/** One product of a contract: agreed cartons and price, what the plan said, and what has arrived. */
public record ContractLine(String productCode, String productName, int cartons, BigDecimal unitPrice, Integer plannedCartons,
		BigDecimal plannedPrice, String deviationReason, int receivedCartons) {

	public BigDecimal amount() {
		return unitPrice.multiply(BigDecimal.valueOf(cartons));
	}

	public int remainingCartons() {
		return Math.max(0, cartons - receivedCartons);
	}

	/** Differs from the approved plan: such a line needs a reason. */
	public boolean deviatesFromPlan() {
		return plannedCartons != null && (plannedCartons != cartons || plannedPrice.compareTo(unitPrice) != 0);
	}
}
