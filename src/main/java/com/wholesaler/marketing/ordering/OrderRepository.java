package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The orders' tables. The weekly counts of a retailer are moved by conditional updates, each of which
 * locks its row and re-reads it, so that two clerks ordering for the same retailer at once never go
 * past a limit together; the stock is reserved the same way. A week's row is made when first needed;
 * should two orders make it at the same moment, one fails on the key and Orders tries it again.
 */
@Repository
class OrderRepository {

	/** A retailer as the order desk sees it: tier, and the route's clerk and day. */
	record RetailerOnRoute(String code, String name, int tier, String regionCode, String routeCode, String clerk, DayOfWeek orderDay,
			String status) {
	}

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate batch;

	OrderRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<RetailerOnRoute> retailer(String code) {
		return jdbc.sql("""
				SELECT t.code, t.name, t.tier, t.region_code, t.status, r.code AS route_code, r.clerk, r.order_weekday
				FROM retailer t LEFT JOIN route r ON r.code = t.route_code WHERE t.code = :code""")
				.param("code", code)
				.query((rs, n) -> new RetailerOnRoute(rs.getString("code"), rs.getString("name"), rs.getInt("tier"), rs.getString("region_code"),
						rs.getString("route_code"), rs.getString("clerk"),
						rs.getObject("order_weekday") == null ? null : DayOfWeek.of(rs.getInt("order_weekday")), rs.getString("status")))
				.optional();
	}

	/** The per-retailer weekly limits of these products for the tier on the day, by product (the smallest, if cases overlap). */
	java.util.Map<String, Integer> productLimits(java.util.Collection<String> productCodes, int tier, LocalDate day) {
		java.util.Map<String, Integer> limits = new java.util.HashMap<>();
		if (productCodes.isEmpty()) {
			return limits;
		}
		jdbc.sql("""
				SELECT product_code, MIN(limit_cartons) AS limit_cartons FROM allocation_limit
				WHERE product_code IN (:p) AND tier = :t AND valid_from <= :d AND valid_to >= :d AND ended_at IS NULL
				GROUP BY product_code""")
				.param("p", productCodes).param("t", tier).param("d", day)
				.query((rs, n) -> limits.put(rs.getString("product_code"), rs.getInt("limit_cartons"))).list();
		return limits;
	}

	Optional<Integer> tierTotal(int tier, LocalDate weekStart) {
		return jdbc.sql("SELECT cartons FROM tier_weekly_total WHERE tier = :t AND week_start = :w").param("t", tier).param("w", weekStart)
				.query(Integer.class).optional();
	}

	/** Adds to what the retailer ordered of the product this week, if it stays within the limit (null: no limit). */
	boolean addToProductWeek(String retailer, String product, LocalDate week, int cartons, Integer limit) {
		jdbc.sql("""
				INSERT INTO retailer_week_product (retailer_code, product_code, week_start, cartons)
				SELECT :r, :p, :w, 0 FROM (VALUES (1)) one (x) WHERE NOT EXISTS
				  (SELECT 1 FROM retailer_week_product WHERE retailer_code = :r AND product_code = :p AND week_start = :w)""")
				.param("r", retailer).param("p", product).param("w", week).update();
		return jdbc.sql("UPDATE retailer_week_product SET cartons = cartons + :n WHERE retailer_code = :r AND product_code = :p AND week_start = :w"
				+ (limit == null ? "" : " AND cartons + :n <= :limit"))
				.param("n", cartons).param("r", retailer).param("p", product).param("w", week).param("limit", limit == null ? 0 : limit)
				.update() == 1;
	}

	int productWeek(String retailer, String product, LocalDate week) {
		return jdbc.sql("SELECT cartons FROM retailer_week_product WHERE retailer_code = :r AND product_code = :p AND week_start = :w")
				.param("r", retailer).param("p", product).param("w", week).query(Integer.class).optional().orElse(0);
	}

	boolean addToWeekTotal(String retailer, LocalDate week, int cartons, Integer limit) {
		jdbc.sql("""
				INSERT INTO retailer_week_total (retailer_code, week_start, cartons)
				SELECT :r, :w, 0 FROM (VALUES (1)) one (x) WHERE NOT EXISTS
				  (SELECT 1 FROM retailer_week_total WHERE retailer_code = :r AND week_start = :w)""")
				.param("r", retailer).param("w", week).update();
		return jdbc.sql("UPDATE retailer_week_total SET cartons = cartons + :n WHERE retailer_code = :r AND week_start = :w"
				+ (limit == null ? "" : " AND cartons + :n <= :limit"))
				.param("n", cartons).param("r", retailer).param("w", week).param("limit", limit == null ? 0 : limit)
				.update() == 1;
	}

	int weekTotal(String retailer, LocalDate week) {
		return jdbc.sql("SELECT cartons FROM retailer_week_total WHERE retailer_code = :r AND week_start = :w")
				.param("r", retailer).param("w", week).query(Integer.class).optional().orElse(0);
	}

	/** Reserves cartons of the stock if that many can still be promised. */
	boolean reserve(String product, int cartons) {
		return jdbc.sql("UPDATE stock SET reserved = reserved + :n WHERE product_code = :p AND on_hand - reserved >= :n")
				.param("n", cartons).param("p", product).update() == 1;
	}

	int promisable(String product) {
		return jdbc.sql("SELECT on_hand - reserved FROM stock WHERE product_code = :p").param("p", product).query(Integer.class)
				.optional().orElse(0);
	}

	long insertOrder(String retailer, String clerk, CallOutcome outcome, LocalDate day, LocalDate week, LocalDateTime started,
			LocalDateTime ended, boolean paymentReminded, int cartons, BigDecimal amount, LocalDateTime now) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO phone_order (retailer_code, clerk, outcome, call_date, week_start, started_at, ended_at, payment_reminded,
				                         cartons, amount, recorded_at)
				VALUES (:r, :c, :o, :d, :w, :s, :e, :pr, :n, :a, :now)""")
				.param("r", retailer).param("c", clerk).param("o", outcome.name()).param("d", day).param("w", week)
				.param("s", Timestamp.valueOf(started)).param("e", Timestamp.valueOf(ended)).param("pr", paymentReminded)
				.param("n", cartons).param("a", amount).param("now", Timestamp.valueOf(now))
				.update(key, "id");
		return key.getKey().longValue();
	}

	/** An order's lines in one batch, each: order id, product, cartons, unit price, amount. */
	void insertLines(java.util.List<Object[]> lines) {
		batch.batchUpdate("INSERT INTO phone_order_line (order_id, product_code, cartons, unit_price, amount) VALUES (?, ?, ?, ?, ?)", lines);
	}
}
