package com.wholesaler.marketing.purchaseplan;

import java.time.LocalDateTime;
import java.time.YearMonth;

/** A row of the plan list. */
public record PlanSummary(String planNumber, YearMonth period, PlanStatus status, PlanStep currentStep,
		String drafter, LocalDateTime createdAt, PlanTotals totals) {
}
