package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.wholesaler.marketing.catalog.PriceClass;

/** One product in a proposal: its prices now, as proposed, and as finally decided by the authority. */
public record PriceLine(
		String productCode,
		String productName,
		BigDecimal currentAllocation,
		BigDecimal currentWholesale,
		BigDecimal currentRetail,
		BigDecimal proposedAllocation,
		BigDecimal proposedWholesale,
		BigDecimal proposedRetail,
		BigDecimal finalWholesale,
		BigDecimal finalRetail,
		String warnings) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public BigDecimal wholesaleChangePercent() {
		return percent(currentWholesale, proposedWholesale);
	}

	public BigDecimal retailChangePercent() {
		return percent(currentRetail, proposedRetail);
	}

	/** The larger of the two changes, up or down. */
	public BigDecimal maxChangePercent() {
		return wholesaleChangePercent().abs().max(retailChangePercent().abs());
	}

	public BigDecimal retailToWholesaleRatio() {
		return proposedRetail.divide(proposedWholesale, 4, RoundingMode.HALF_UP);
	}

	public PriceClass currentClass() {
		return PriceClass.of(currentAllocation);
	}

	public PriceClass proposedClass() {
		return PriceClass.of(proposedAllocation);
	}

	public boolean priceClassChanges() {
		return currentClass() != proposedClass();
	}

	/** The prices that take effect: the authority's where it changed them, else the proposed ones. */
	public BigDecimal effectiveWholesale() {
		return finalWholesale != null ? finalWholesale : proposedWholesale;
	}

	public BigDecimal effectiveRetail() {
		return finalRetail != null ? finalRetail : proposedRetail;
	}

	public PriceLine withWarnings(String text) {
		return new PriceLine(productCode, productName, currentAllocation, currentWholesale, currentRetail,
				proposedAllocation, proposedWholesale, proposedRetail, finalWholesale, finalRetail, text);
	}

	public PriceLine withFinal(BigDecimal wholesale, BigDecimal retail) {
		return new PriceLine(productCode, productName, currentAllocation, currentWholesale, currentRetail,
				proposedAllocation, proposedWholesale, proposedRetail, wholesale, retail, warnings);
	}

	private static BigDecimal percent(BigDecimal from, BigDecimal to) {
		return to.subtract(from).multiply(HUNDRED).divide(from, 2, RoundingMode.HALF_UP);
	}
}
