package com.wholesaler.marketing.purchaseplan;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** One product in a purchase plan: what the system suggested and what the supply manager plans. */
public record PlanLine(
		String productCode,
		String productName,
		String manufacturerCode,
		int suggestedCartons,
		int plannedCartons,
		BigDecimal allocationPrice) {

	public static final int CARTONS_PER_CASE = 50;
	public static final int CARTONS_PER_BOX = 250;

	public BigDecimal amount() {
		return allocationPrice.multiply(BigDecimal.valueOf(plannedCartons));
	}

	public int change() {
		return plannedCartons - suggestedCartons;
	}

	/** The lines the supply manager changed most from the suggestion, biggest first. */
	public static List<PlanLine> biggestChanges(List<PlanLine> lines, int limit) {
		return lines.stream().filter(l -> l.change() != 0)
				.sorted(Comparator.comparingInt((PlanLine l) -> Math.abs(l.change())).reversed())
				.limit(limit).toList();
	}

	public PlanLine withPlanned(int cartons) {
		return new PlanLine(productCode, productName, manufacturerCode, suggestedCartons, cartons, allocationPrice);
	}
}
