package com.wholesaler.marketing.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 訪銷任務列表: a clerk's retailers of the day on their routes, with tier and region, what each may still
 * order this week in all (the tier's 投放控制總量) and by product (the limits in force for their tiers),
 * their plan quantities (their average weekly order over the last four weeks) and whether they were
 * called today.
 */
@Service
public class CallLists {

	public record Entry(String retailerCode, String name, int tier, String regionCode, String routeCode, boolean calledToday,
			Integer weeklyTotal, int orderedThisWeek, Map<String, Integer> planCartons, List<Long> noticesUntold) {

		Entry withUntold(List<Long> notices) {
			return new Entry(retailerCode, name, tier, regionCode, routeCode, calledToday, weeklyTotal, orderedThisWeek, planCartons, notices);
		}
	}

	/** A notice to read to the retailers today (宣傳方針政策). */
	public record Notice(long id, String kind, String kindName, String title, String body, String productCode) {
	}

	public record Limit(String productCode, String productName, int tier, int limitCartons) {
	}

	public record CallList(LocalDate date, String clerk, List<Entry> retailers, List<Limit> limits, List<Notice> notices) {
	}

	private final JdbcClient jdbc;
	private final CallNotices notices;
	private final Clock clock;

	CallLists(JdbcClient jdbc, CallNotices notices, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.clock = clock;
	}

	public CallList today(String clerk) {
		LocalDate today = LocalDate.now(clock);
		LocalDate week = OrderWeek.of(today);
		PlanWindow plan = PlanWindow.before(today);
		Map<String, Map<String, Integer>> plans = new HashMap<>();
		jdbc.sql("""
				SELECT o.retailer_code, l.product_code, SUM(l.cartons) AS cartons
				FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id
				JOIN retailer t ON t.code = o.retailer_code JOIN route r ON r.code = t.route_code
				WHERE r.clerk = :clerk AND r.order_weekday = :day AND o.call_date >= :from AND o.call_date < :to
				GROUP BY o.retailer_code, l.product_code""")
				.param("clerk", clerk).param("day", today.getDayOfWeek().getValue()).param("from", plan.from()).param("to", plan.to())
				.query((rs, n) -> plans.computeIfAbsent(rs.getString("retailer_code"), k -> new LinkedHashMap<>())
						.put(rs.getString("product_code"), PlanWindow.weekly(rs.getInt("cartons"))))
				.list();
		List<Entry> entries = jdbc.sql("""
				SELECT t.code, t.name, t.tier, t.region_code, t.route_code, w.cartons AS tier_total, COALESCE(u.cartons, 0) AS ordered,
				       (SELECT COUNT(*) FROM phone_order o WHERE o.retailer_code = t.code AND o.call_date = :today) AS calls
				FROM retailer t JOIN route r ON r.code = t.route_code
				LEFT JOIN tier_weekly_total w ON w.tier = t.tier AND w.week_start = :week
				LEFT JOIN retailer_week_total u ON u.retailer_code = t.code AND u.week_start = :week
				WHERE r.clerk = :clerk AND r.order_weekday = :day AND t.status = 'ACTIVE'
				ORDER BY t.route_code, t.code""")
				.param("today", today).param("week", week).param("clerk", clerk).param("day", today.getDayOfWeek().getValue())
				.query((rs, n) -> new Entry(rs.getString("code"), rs.getString("name"), rs.getInt("tier"), rs.getString("region_code"),
						rs.getString("route_code"), rs.getLong("calls") > 0, (Integer) rs.getObject("tier_total", Integer.class),
						rs.getInt("ordered"), plans.getOrDefault(rs.getString("code"), Map.of()), List.of()))
				.list();
		List<Limit> limits = new ArrayList<>(jdbc.sql("""
				SELECT a.product_code, p.name, a.tier, MIN(a.limit_cartons) AS limit_cartons
				FROM allocation_limit a JOIN product p ON p.code = a.product_code
				WHERE a.valid_from <= :today AND a.valid_to >= :today AND a.ended_at IS NULL
				GROUP BY a.product_code, p.name, a.tier ORDER BY a.product_code, a.tier""")
				.param("today", today)
				.query((rs, n) -> new Limit(rs.getString("product_code"), rs.getString("name"), rs.getInt("tier"), rs.getInt("limit_cartons")))
				.list());
		List<CallNotices.Notice> inForce = notices.inForce(today);
		Map<String, List<Long>> untold = notices.untold(entries.stream().map(Entry::retailerCode).toList(), inForce);
		return new CallList(today, clerk, entries.stream().map(e -> e.withUntold(untold.getOrDefault(e.retailerCode(), List.of()))).toList(), limits,
				inForce.stream().map(n -> new Notice(n.id(), n.kind().name(), n.kindName(), n.title(), n.body(), n.productCode())).toList());
	}
}
