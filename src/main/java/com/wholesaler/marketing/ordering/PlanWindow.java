package com.wholesaler.marketing.ordering;

import java.time.LocalDate;

/**
 * The weeks a retailer's plan quantity (銷量計畫) is read from: the four whole weeks before the week of
 * the call, so that the plan stays the same all week; the plan is the weekly average over them.
 */
record PlanWindow(LocalDate from, LocalDate to) {

	static final int WEEKS = 4;

	static PlanWindow before(LocalDate day) {
		LocalDate week = OrderWeek.of(day);
		return new PlanWindow(week.minusWeeks(WEEKS), week);
	}

	static int weekly(int cartons) {
		return (int) Math.round(cartons / (double) WEEKS);
	}
}
