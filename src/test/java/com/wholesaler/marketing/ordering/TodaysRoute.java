package com.wholesaler.marketing.ordering;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Test data for the order desk whatever the day: a route called today by a clerk with a few retailers
 * moved onto it, and a weekly limit for a product at their tiers (as a shortage case in force would set).
 */
public final class TodaysRoute {

	private TodaysRoute() {
	}

	/**
	 * Moves {@code count} active retailers of distinct tiers, who have not ordered this week (the demo's
	 * history has them ordering on their usual day), onto a new route of today for the clerk; their codes.
	 */
	public static List<String> forClerk(JdbcTemplate jdbc, String routeCode, String clerk, int count) {
		int today = LocalDate.now(BusinessTime.ZONE).getDayOfWeek().getValue();
		jdbc.update("INSERT INTO route (code, name, region_code, order_weekday, clerk) VALUES (?, ?, 'R01', ?, ?)", routeCode,
				"測試線路 " + routeCode, today, clerk);
		List<String> retailers = jdbc.queryForList("""
				SELECT MIN(code) FROM retailer WHERE status = 'ACTIVE' AND region_code = 'R01' AND code NOT IN
				  (SELECT t.code FROM retailer t JOIN route r ON r.code = t.route_code WHERE r.name LIKE '測試線路%')
				  AND code NOT IN (SELECT retailer_code FROM retailer_week_total WHERE week_start = ?)
				GROUP BY tier ORDER BY tier DESC FETCH FIRST ? ROWS ONLY""", String.class,
				LocalDate.now(BusinessTime.ZONE).with(java.time.DayOfWeek.MONDAY), count);
		retailers.forEach(code -> jdbc.update("UPDATE retailer SET route_code = ? WHERE code = ?", routeCode, code));
		return retailers;
	}

	/**
	 * A weekly limit for the product at every tier, as a shortage case's limits in force. The case
	 * itself is recorded as expired, so that tests which open shortage cases never meet it as open.
	 */
	public static void limit(JdbcTemplate jdbc, String caseNumber, String productCode, int cartons) {
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		jdbc.update("""
				INSERT INTO shortage_case (case_number, product_code, started_by, status, valid_from, valid_to, note, created_at)
				VALUES (?, ?, 'supply', 'EXPIRED', ?, ?, '訂單測試', CURRENT_TIMESTAMP)""", caseNumber, productCode, today.minusDays(1), today.plusDays(7));
		for (int tier = 1; tier <= 30; tier++) {
			jdbc.update("INSERT INTO allocation_limit (product_code, tier, limit_cartons, valid_from, valid_to, case_number) VALUES (?, ?, ?, ?, ?, ?)",
					productCode, tier, cartons, today.minusDays(1), today.plusDays(7), caseNumber);
		}
	}

	public static int tierOf(JdbcTemplate jdbc, String retailer) {
		return jdbc.queryForObject("SELECT tier FROM retailer WHERE code = ?", Integer.class, retailer);
	}
}
