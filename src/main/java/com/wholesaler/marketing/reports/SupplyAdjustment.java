package com.wholesaler.marketing.reports;

import java.time.LocalDateTime;

/** 貨源調整建議: one proposal, the figures it stood on, and what followed. */
public record SupplyAdjustment(String number, String productCode, String productName, SupplyState state, long stock,
		long ordered, long unmet, AdjustmentAction action, String reason, String proposedBy, LocalDateTime proposedAt,
		String shortageCase, String followedBy, LocalDateTime followedAt) {

	/** A limit proposal waits for the supply manager's shortage case until one is started. */
	public boolean awaitsShortageCase() {
		return action == AdjustmentAction.LIMIT && shortageCase == null;
	}
}
