package com.wholesaler.marketing.salesplan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.catalog.WorkingCalendar;

/**
 * How a month's plan is going: the confirmed phone orders of the month so far against the plan, per
 * region, price class and product, and where each is heading at the pace of the working days gone by.
 */
@Component
public class SalesPlanProgress {

	/** Heading for less than this share of its plan, a region is behind. */
	public static final double BEHIND_BELOW = 0.9;

	/** One region, price class or product: planned, ordered so far, and heading for (ordered ÷ working days gone × working days). */
	public record Row(String key, String name, long planned, long actual, long projected) {

		/** Where it is heading against its plan; null without a plan. */
		public Double pace() {
			return planned == 0 ? null : projected / (double) planned;
		}

		public boolean behind() {
			return planned > 0 && projected < planned * BEHIND_BELOW;
		}
	}

	public record Progress(YearMonth month, LocalDate asOf, int workingDays, int workingDaysGone, List<Row> units, List<Row> classes,
			List<Row> products, Row total) {

		public boolean started() {
			return workingDaysGone > 0;
		}
	}

	private final JdbcClient jdbc;
	private final SalesPlans plans;
	private final WorkingCalendar calendar;

	SalesPlanProgress(JdbcClient jdbc, SalesPlans plans, WorkingCalendar calendar) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.calendar = calendar;
	}

	public Progress of(String number, LocalDate today) {
		SalesPlans.SalesPlan plan = plans.plan(number);
		YearMonth month = plan.month();
		LocalDate asOf = today.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : today;
		int total = 0;
		int gone = 0;
		for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
			if (calendar.isWorkingDay(d)) {
				total++;
				if (!d.isAfter(asOf)) {
					gone++;
				}
			}
		}
		Map<String, Map<String, Long>> ordered = new HashMap<>();
		if (!asOf.isBefore(month.atDay(1))) {
			jdbc.sql("""
					SELECT l.product_code, r.region_code, SUM(l.cartons) AS cartons
					FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id JOIN retailer r ON r.code = o.retailer_code
					WHERE o.call_date >= :from AND o.call_date <= :to GROUP BY l.product_code, r.region_code""")
					.param("from", month.atDay(1)).param("to", asOf)
					.query(rs -> {
						ordered.computeIfAbsent(rs.getString("product_code"), c -> new HashMap<>()).put(rs.getString("region_code"), rs.getLong("cartons"));
					});
		}
		double scale = gone == 0 ? 0 : total / (double) gone;
		Map<String, Map<String, Integer>> split = plans.split(number);
		Map<String, long[]> units = new java.util.LinkedHashMap<>();
		plans.units().forEach(u -> units.put(u.code(), new long[2]));
		Map<Integer, long[]> classes = new TreeMap<>();
		List<Row> products = new ArrayList<>();
		long plannedAll = 0;
		long actualAll = 0;
		for (SalesPlanLine line : plans.lines(number)) {
			Map<String, Long> byRegion = ordered.getOrDefault(line.productCode(), Map.of());
			long actual = byRegion.values().stream().mapToLong(Long::longValue).sum();
			split.getOrDefault(line.productCode(), Map.of()).forEach((unit, cartons) -> units.computeIfAbsent(unit, u -> new long[2])[0] += cartons);
			byRegion.forEach((region, cartons) -> units.computeIfAbsent(region, u -> new long[2])[1] += cartons);
			long[] c = classes.computeIfAbsent(line.priceClass(), k -> new long[2]);
			c[0] += line.planned();
			c[1] += actual;
			products.add(new Row(line.productCode(), line.productName(), line.planned(), actual, Math.round(actual * scale)));
			plannedAll += line.planned();
			actualAll += actual;
		}
		Map<String, String> names = new HashMap<>();
		plans.units().forEach(u -> names.put(u.code(), u.name()));
		List<Row> unitRows = new ArrayList<>();
		units.forEach((code, v) -> unitRows.add(new Row(code, names.getOrDefault(code, code), v[0], v[1], Math.round(v[1] * scale))));
		List<Row> classRows = new ArrayList<>();
		classes.forEach((n, v) -> classRows.add(new Row(String.valueOf(n), PriceClass.ofNumber(n).chineseName(), v[0], v[1], Math.round(v[1] * scale))));
		products.sort(java.util.Comparator.comparing((Row r) -> r.pace() == null ? Double.MAX_VALUE : r.pace()).thenComparing(Row::key));
		return new Progress(month, asOf, total, gone, unitRows, classRows, products,
				new Row("", "合計", plannedAll, actualAll, Math.round(actualAll * scale)));
	}
}
