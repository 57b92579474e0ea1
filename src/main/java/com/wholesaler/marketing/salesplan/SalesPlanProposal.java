package com.wholesaler.marketing.salesplan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The system's proposal for a month's sales, per product on sale: last year's same month, times the
 * product's trend (its last three full months against the same months a year before, kept within
 * 0.5–2), scaled so that the whole makes the approved yearly target's share of that month (the month's
 * share of the last twelve months' sales); a product with no sales a year ago starts from its recent
 * monthly average. A product under an allocation limit is proposed no more than the limits allow
 * (each tier's weekly limit times its active retailers, for the month's weeks).
 */
@Component
class SalesPlanProposal {

	static final double LOWEST_TREND = 0.5;
	static final double HIGHEST_TREND = 2.0;

	record Line(String productCode, int lastYear, int proposed, boolean capped) {
	}

	record Proposal(List<Line> lines, String basis, String targetNumber) {
	}

	private final JdbcClient jdbc;
	private final AnnualTargets targets;

	SalesPlanProposal(JdbcClient jdbc, AnnualTargets targets) {
		this.jdbc = jdbc;
		this.targets = targets;
	}

	Proposal of(YearMonth month, LocalDate today) {
		YearMonth lastYear = month.minusYears(1);
		YearMonth lastFull = YearMonth.from(today).minusMonths(1);
		YearMonth recentFrom = lastFull.minusMonths(2);
		Map<String, long[]> sums = new HashMap<>();
		jdbc.sql("""
				SELECT p.code,
				       SUM(CASE WHEN d.sales_date >= :lyFrom AND d.sales_date <= :lyTo THEN d.cartons ELSE 0 END) AS last_year,
				       SUM(CASE WHEN d.sales_date >= :rFrom AND d.sales_date <= :rTo THEN d.cartons ELSE 0 END) AS recent,
				       SUM(CASE WHEN d.sales_date >= :rlyFrom AND d.sales_date <= :rlyTo THEN d.cartons ELSE 0 END) AS recent_last_year,
				       SUM(CASE WHEN d.sales_date >= :yFrom AND d.sales_date <= :rTo THEN d.cartons ELSE 0 END) AS twelve
				FROM product p LEFT JOIN daily_sales d ON d.product_code = p.code AND d.sales_date >= :from
				WHERE p.status = 'ACTIVE' GROUP BY p.code ORDER BY p.code""")
				.param("lyFrom", lastYear.atDay(1)).param("lyTo", lastYear.atEndOfMonth())
				.param("rFrom", recentFrom.atDay(1)).param("rTo", lastFull.atEndOfMonth())
				.param("rlyFrom", recentFrom.minusYears(1).atDay(1)).param("rlyTo", lastFull.minusYears(1).atEndOfMonth())
				.param("yFrom", lastFull.minusMonths(11).atDay(1))
				.param("from", earliest(lastYear.atDay(1), recentFrom.minusYears(1).atDay(1), lastFull.minusMonths(11).atDay(1)))
				.query(rs -> {
					sums.put(rs.getString("code"), new long[] {rs.getLong("last_year"), rs.getLong("recent"), rs.getLong("recent_last_year"),
							rs.getLong("twelve")});
				});
		Map<String, Double> base = new HashMap<>();
		long lastYearTotal = 0;
		long twelveTotal = 0;
		for (Map.Entry<String, long[]> e : sums.entrySet()) {
			long[] s = e.getValue();
			double trend = s[2] > 0 ? Math.max(LOWEST_TREND, Math.min(HIGHEST_TREND, s[1] / (double) s[2])) : 1;
			base.put(e.getKey(), s[0] > 0 ? s[0] * trend : s[1] / 3.0 * month.lengthOfMonth() / 30.0);
			lastYearTotal += s[0];
			twelveTotal += s[3];
		}
		double baseTotal = base.values().stream().mapToDouble(Double::doubleValue).sum();
		Optional<AnnualTargets.AnnualTarget> target = targets.approved(month.getYear());
		double factor = 1;
		String basis;
		if (target.isPresent() && twelveTotal > 0 && baseTotal > 0) {
			double share = lastYearTotal / (double) twelveTotal;
			double monthlyTarget = target.get().cartons() * share;
			factor = monthlyTarget / baseTotal;
			basis = "按 %s 年度目標 %s（%,d 條）的 %.1f%%（%s 佔近十二個月銷量的比例）：%,.0f 條；各規格按去年同月 × 近三個月同比趨勢測算後等比例調整（係數 %.3f）"
					.formatted(month.getYear(), target.get().targetNumber(), target.get().cartons(), share * 100, lastYear, monthlyTarget, factor);
		}
		else {
			basis = "%d 年尚無審定的年度目標：各規格按去年同月（%s）× 近三個月同比趨勢測算".formatted(month.getYear(), lastYear);
		}
		Map<String, Long> caps = caps(month);
		List<Line> lines = new ArrayList<>();
		for (Map.Entry<String, long[]> e : new java.util.TreeMap<>(sums).entrySet()) {
			int proposed = (int) Math.round(base.get(e.getKey()) * factor);
			Long cap = caps.get(e.getKey());
			boolean capped = cap != null && proposed > cap;
			lines.add(new Line(e.getKey(), (int) e.getValue()[0], capped ? cap.intValue() : proposed, capped));
		}
		return new Proposal(lines, basis, target.map(AnnualTargets.AnnualTarget::targetNumber).orElse(null));
	}

	/** What the allocation limits in force on the month's first day let retailers order over the month. */
	private Map<String, Long> caps(YearMonth month) {
		double weeks = month.lengthOfMonth() / 7.0;
		Map<String, Long> caps = new HashMap<>();
		jdbc.sql("""
				SELECT a.product_code, SUM(a.limit_cartons * r.retailers) AS weekly
				FROM allocation_limit a
				JOIN (SELECT tier, COUNT(*) AS retailers FROM retailer WHERE status = 'ACTIVE' GROUP BY tier) r ON r.tier = a.tier
				WHERE a.valid_from <= :day AND a.valid_to >= :day AND a.ended_at IS NULL
				GROUP BY a.product_code""")
				.param("day", month.atDay(1))
				.query(rs -> {
					caps.put(rs.getString("product_code"), Math.round(rs.getLong("weekly") * weeks));
				});
		return caps;
	}

	private static LocalDate earliest(LocalDate... days) {
		LocalDate min = days[0];
		for (LocalDate d : days) {
			min = d.isBefore(min) ? d : min;
		}
		return min;
	}
}
