package com.wholesaler.marketing.purchaseplan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What a contract starts from: an approved plan's month and what it buys from one manufacturer.
 * The entry point other capabilities use instead of the plan's own entity and line types.
 */
public record ApprovedPurchase(String planNumber, YearMonth period, List<Line> lines) {

	public record Line(String productCode, String productName, int cartons, BigDecimal allocationPrice) {
	}
}
