package com.wholesaler.marketing.contract;

import java.time.LocalDateTime;

/** One delivery received against a contract: who confirmed it, and the cartons (and damage) per product. */
public record ContractArrival(long id, LocalDateTime receivedAt, String receivedBy, String note, String lines, int cartons, int damaged,
		int scannedCases) {
}
