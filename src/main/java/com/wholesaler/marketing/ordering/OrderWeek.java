package com.wholesaler.marketing.ordering;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The order department's week, from Monday: what the limits, the tiers' totals, the retailers' weekly
 * counts, the plan window and the weekly figures are counted in.
 */
final class OrderWeek {

	private OrderWeek() {
	}

	/** The Monday of the day's week. */
	static LocalDate of(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}
}
