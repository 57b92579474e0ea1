package com.wholesaler.marketing.purchaseplan;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.wholesaler.marketing.catalog.ProductStock;

/**
 * The suggested purchase of one product for a period: expected sales over the period plus the
 * safety stock (the warning level in days of sales), less what is on hand and in transit; never
 * negative, rounded up to whole cases of 50 cartons.
 */
public final class QuantityProposal {

	private QuantityProposal() {
	}

	public static int suggestedCartons(ProductStock stock, int daysInPeriod) {
		if (!stock.product().isActive() || daysInPeriod <= 0) {
			return 0;
		}
		BigDecimal daily = stock.averageDailySales() == null ? BigDecimal.ZERO : stock.averageDailySales();
		BigDecimal needed = daily.multiply(BigDecimal.valueOf((long) daysInPeriod + stock.warningDays()))
				.subtract(BigDecimal.valueOf((long) stock.onHand() + stock.inTransit()));
		if (needed.signum() <= 0) {
			return 0;
		}
		BigDecimal cases = needed.divide(BigDecimal.valueOf(PlanLine.CARTONS_PER_CASE), 0, RoundingMode.CEILING);
		return cases.intValueExact() * PlanLine.CARTONS_PER_CASE;
	}

	/**
	 * The same from the month's approved sales plan: its planned sales of the product plus the safety
	 * stock (the warning level in days of the planned daily sales), less what is on hand and in transit.
	 */
	public static int fromPlannedSales(ProductStock stock, int plannedSales, int daysInPeriod) {
		if (!stock.product().isActive() || daysInPeriod <= 0 || plannedSales <= 0) {
			return 0;
		}
		BigDecimal planned = BigDecimal.valueOf(plannedSales);
		BigDecimal safety = planned.multiply(BigDecimal.valueOf(stock.warningDays())).divide(BigDecimal.valueOf(daysInPeriod), 2, RoundingMode.HALF_UP);
		BigDecimal needed = planned.add(safety).subtract(BigDecimal.valueOf((long) stock.onHand() + stock.inTransit()));
		if (needed.signum() <= 0) {
			return 0;
		}
		return needed.divide(BigDecimal.valueOf(PlanLine.CARTONS_PER_CASE), 0, RoundingMode.CEILING).intValueExact() * PlanLine.CARTONS_PER_CASE;
	}
}
