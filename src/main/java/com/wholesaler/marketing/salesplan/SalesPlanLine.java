package com.wholesaler.marketing.salesplan;

/**
 * A product's line of the month's sales plan: last year's same month, the system's proposal, the
 * planned quantity, and why it differs from the proposal.
 */
public record SalesPlanLine(String productCode, String productName, String brand, int priceClass, int lastYear, int proposed,
		int planned, boolean capped, String reason) {

	/** More than this share away from the proposal, a line says why. */
	public static final double REASON_ABOVE = 0.10;

	/** Whether the planned quantity is more than 10 % away from the proposal (any quantity where none was proposed). */
	public boolean needsReason() {
		if (proposed == 0) {
			return planned > 0;
		}
		return Math.abs(planned - proposed) > proposed * REASON_ABOVE;
	}

	public boolean missingReason() {
		return needsReason() && (reason == null || reason.isBlank());
	}

	/** The planned quantity against the proposal; null where nothing was proposed. */
	public Double change() {
		return proposed == 0 ? null : (planned - proposed) / (double) proposed;
	}
}
