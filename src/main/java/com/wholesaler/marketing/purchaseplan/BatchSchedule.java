package com.wholesaler.marketing.purchaseplan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 批次批量計畫: how a line's cartons arrive, week by week, in whole cases. */
public final class BatchSchedule {

	private BatchSchedule() {
	}

	/** The delivery weeks of a month: each Monday that falls in it. */
	public static List<LocalDate> deliveryWeeks(YearMonth period) {
		List<LocalDate> weeks = new ArrayList<>();
		LocalDate monday = period.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
		while (YearMonth.from(monday).equals(period)) {
			weeks.add(monday);
			monday = monday.plusWeeks(1);
		}
		return weeks;
	}

	/**
	 * Splits cartons evenly over the weeks in whole cases; the cases left over go to the earliest
	 * weeks (stock is needed first). Cartons that do not fill a case arrive in the first week.
	 */
	public static Map<LocalDate, Integer> split(int cartons, List<LocalDate> weeks) {
		Map<LocalDate, Integer> schedule = new LinkedHashMap<>();
		if (weeks.isEmpty() || cartons <= 0) {
			return schedule;
		}
		int cases = cartons / PlanLine.CARTONS_PER_CASE;
		int loose = cartons % PlanLine.CARTONS_PER_CASE;
		for (int i = 0; i < weeks.size(); i++) {
			int weekCases = cases / weeks.size() + (i < cases % weeks.size() ? 1 : 0);
			int weekCartons = weekCases * PlanLine.CARTONS_PER_CASE + (i == 0 ? loose : 0);
			if (weekCartons > 0) {
				schedule.put(weeks.get(i), weekCartons);
			}
		}
		return schedule;
	}
}
