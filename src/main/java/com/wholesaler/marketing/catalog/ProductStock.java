package com.wholesaler.marketing.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A product's stock position: on hand, in transit, and how many days the stock covers at the
 * recent sales rate. The cover is what the stock warning (庫存預警) watches.
 */
public record ProductStock(
		Product product,
		int onHand,
		int inTransit,
		int warningDays,
		BigDecimal averageDailySales) {

	/** Days of sales the stock on hand covers; null when nothing sold lately (cover unbounded). */
	public BigDecimal coverDays() {
		if (averageDailySales == null || averageDailySales.signum() == 0) {
			return null;
		}
		return BigDecimal.valueOf(onHand).divide(averageDailySales, 1, RoundingMode.HALF_UP);
	}

	/** Under the warning level: an active product that sells and whose stock lasts fewer days than its level. */
	public boolean isBelowWarningLevel() {
		// Compared unrounded: a cover of 6.98 days is under a level of 7 even if it shows as 7.0.
		return product.isActive() && averageDailySales != null && averageDailySales.signum() > 0
				&& BigDecimal.valueOf(onHand).compareTo(averageDailySales.multiply(BigDecimal.valueOf(warningDays))) < 0;
	}
}
