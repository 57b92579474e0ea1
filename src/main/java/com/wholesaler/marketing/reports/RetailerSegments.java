package com.wholesaler.marketing.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 零售客戶分群 (for the marketing and retailer-relationship strategy): the active retailers by what they
 * ordered over a period (value), how many of its weeks they ordered in (frequency) and their tier, and
 * the ones drifting away.
 */
@Component
public class RetailerSegments {

	/** By amount among the retailers that ordered: the top fifth, the next three tenths, the rest. */
	public enum Value {
		HIGH("高價值（前 20%）"), MIDDLE("中價值（其後 30%）"), LOW("一般（其餘 50%）"), NONE("未訂貨");

		private final String chineseName;

		Value(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	/** Weeks with an order among the period's weeks. */
	public enum Frequency {
		WEEKLY("每週（≥ 80% 的週）"), OFTEN("經常（40%–80%）"), SELDOM("偶爾（< 40%）"), NEVER("未訂貨");

		private final String chineseName;

		Frequency(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}

		static Frequency of(int weeksOrdered, int weeks) {
			double share = weeksOrdered / (double) weeks;
			return weeksOrdered == 0 ? NEVER : share >= 0.8 ? WEEKLY : share >= 0.4 ? OFTEN : SELDOM;
		}
	}

	public record RetailerOrders(String code, String name, String regionName, int tier, int weeksOrdered, long cartons,
			BigDecimal amount, BigDecimal firstHalf, BigDecimal secondHalf, LocalDate lastOrder, Value value, Frequency frequency) {

		/**
		 * 流失預警: ordered in the first half of the period, and in the second half spent less than half
		 * of that, or has not ordered in the last three weeks of the period.
		 */
		public boolean drifting(LocalDate periodEnd) {
			if (firstHalf.signum() <= 0) {
				return false;
			}
			boolean halved = secondHalf.multiply(BigDecimal.valueOf(2)).compareTo(firstHalf) < 0;
			boolean silent = lastOrder == null || lastOrder.isBefore(periodEnd.minusWeeks(3).plusDays(1));
			return halved || silent;
		}

		/** The second half against the first; null when nothing in the first. */
		public Double change() {
			return firstHalf.signum() == 0 ? null : secondHalf.subtract(firstHalf).doubleValue() / firstHalf.doubleValue();
		}
	}

	public record Segment(Value value, Frequency frequency, long retailers, BigDecimal amount) {
	}

	public record Tier(int tier, long active, long ordering, BigDecimal amountPerOrdering, double weeksPerOrdering,
			long drifting) {
	}

	public record Report(ReportPeriod period, int weeks, List<Segment> segments, List<Tier> tiers,
			List<RetailerOrders> drifting, long active, long ordering) {
	}

	private final JdbcClient jdbc;

	RetailerSegments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Report of(ReportPeriod period) {
		int weeks = weeks(period);
		Map<String, String> regionNames = new HashMap<>();
		jdbc.sql("SELECT code, name FROM region").query(rs -> {
			regionNames.put(rs.getString("code"), rs.getString("name"));
		});
		Map<String, Object[]> ordersByRetailer = new HashMap<>();
		jdbc.sql("""
				SELECT retailer_code, COUNT(DISTINCT week_start) AS weeks, SUM(cartons) AS cartons, SUM(amount) AS amount,
				       SUM(CASE WHEN call_date < :middle THEN amount ELSE 0 END) AS first_half,
				       SUM(CASE WHEN call_date >= :middle THEN amount ELSE 0 END) AS second_half,
				       MAX(call_date) AS last_order
				FROM phone_order WHERE call_date >= :from AND call_date <= :to AND cartons > 0
				GROUP BY retailer_code""")
				.param("from", period.from()).param("to", period.to()).param("middle", period.middle())
				.query(rs -> {
					ordersByRetailer.put(rs.getString("retailer_code"), new Object[] {rs.getInt("weeks"), rs.getLong("cartons"),
							rs.getBigDecimal("amount"), rs.getBigDecimal("first_half"), rs.getBigDecimal("second_half"),
							rs.getDate("last_order").toLocalDate()});
				});
		List<RetailerOrders> retailers = new ArrayList<>();
		jdbc.sql("SELECT code, name, region_code, tier FROM retailer WHERE status = 'ACTIVE' ORDER BY code").query(rs -> {
			Object[] o = ordersByRetailer.get(rs.getString("code"));
			retailers.add(o == null
					? new RetailerOrders(rs.getString("code"), rs.getString("name"), regionNames.get(rs.getString("region_code")),
							rs.getInt("tier"), 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, Value.NONE, Frequency.NEVER)
					: new RetailerOrders(rs.getString("code"), rs.getString("name"), regionNames.get(rs.getString("region_code")),
							rs.getInt("tier"), (Integer) o[0], (Long) o[1], (BigDecimal) o[2], (BigDecimal) o[3], (BigDecimal) o[4],
							(LocalDate) o[5], null, Frequency.of((Integer) o[0], weeks)));
		});
		List<RetailerOrders> valued = valued(retailers);
		Map<String, Segment> segments = new LinkedHashMap<>();
		for (Value v : Value.values()) {
			for (Frequency f : Frequency.values()) {
				if ((v == Value.NONE) == (f == Frequency.NEVER)) {
					segments.put(v + "/" + f, new Segment(v, f, 0, BigDecimal.ZERO));
				}
			}
		}
		Map<Integer, long[]> tierCounts = new TreeMap<>();
		Map<Integer, BigDecimal> tierAmounts = new TreeMap<>();
		List<RetailerOrders> drifting = new ArrayList<>();
		for (RetailerOrders r : valued) {
			segments.computeIfPresent(r.value() + "/" + r.frequency(),
					(k, s) -> new Segment(s.value(), s.frequency(), s.retailers() + 1, s.amount().add(r.amount())));
			long[] counts = tierCounts.computeIfAbsent(r.tier(), t -> new long[4]);
			counts[0]++;
			if (r.weeksOrdered() > 0) {
				counts[1]++;
				counts[2] += r.weeksOrdered();
			}
			tierAmounts.merge(r.tier(), r.amount(), BigDecimal::add);
			if (r.drifting(period.to())) {
				drifting.add(r);
				counts[3]++;
			}
		}
		List<Tier> tiers = new ArrayList<>();
		tierCounts.forEach((tier, c) -> tiers.add(new Tier(tier, c[0], c[1],
				c[1] == 0 ? BigDecimal.ZERO : tierAmounts.get(tier).divide(BigDecimal.valueOf(c[1]), 2, RoundingMode.HALF_UP),
				c[1] == 0 ? 0 : c[2] / (double) c[1], c[3])));
		drifting.sort(Comparator.comparing(RetailerOrders::firstHalf).reversed().thenComparing(RetailerOrders::code));
		long ordering = valued.stream().filter(r -> r.weeksOrdered() > 0).count();
		return new Report(period, weeks, new ArrayList<>(segments.values()), tiers, drifting, valued.size(), ordering);
	}

	/** Each ordering retailer's value band by its amount's rank. */
	private static List<RetailerOrders> valued(List<RetailerOrders> retailers) {
		List<RetailerOrders> ordering = retailers.stream().filter(r -> r.weeksOrdered() > 0)
				.sorted(Comparator.comparing(RetailerOrders::amount).reversed().thenComparing(RetailerOrders::code)).toList();
		Map<String, Value> bands = new HashMap<>();
		for (int i = 0; i < ordering.size(); i++) {
			double rank = i / (double) ordering.size();
			bands.put(ordering.get(i).code(), rank < 0.2 ? Value.HIGH : rank < 0.5 ? Value.MIDDLE : Value.LOW);
		}
		return retailers.stream().map(r -> r.value() != null ? r : new RetailerOrders(r.code(), r.name(), r.regionName(),
				r.tier(), r.weeksOrdered(), r.cartons(), r.amount(), r.firstHalf(), r.secondHalf(), r.lastOrder(),
				bands.get(r.code()), r.frequency())).toList();
	}

	/** Order weeks (from Monday) the period touches. */
	static int weeks(ReportPeriod period) {
		LocalDate first = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate last = period.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return (int) (java.time.temporal.ChronoUnit.WEEKS.between(first, last) + 1);
	}
}
