package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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

	/** A line as the week's counts take it: the product, the cartons, and its weekly limit (null: none). */
	record WeekLine(String productCode, int cartons, Integer limit) {

		int ceiling() {
			return limit == null ? Integer.MAX_VALUE : limit;
		}
	}

	/**
	 * Adds each line to what the retailer ordered of its product this week, if it stays within its limit;
	 * which lines fitted. A week's first order of a product makes its row with the cartons (one batch);
	 * the others move their row (a second batch).
	 */
	boolean[] addToProductWeeks(String retailer, LocalDate week, List<WeekLine> lines) {
		int[] made = batch.batchUpdate("""
				INSERT INTO retailer_week_product (retailer_code, product_code, week_start, cartons)
				SELECT ?, ?, ?, ? FROM (VALUES (1)) one (x) WHERE ? <= ? AND NOT EXISTS
				  (SELECT 1 FROM retailer_week_product WHERE retailer_code = ? AND product_code = ? AND week_start = ?)""",
				lines.stream().map(l -> new Object[] {retailer, l.productCode(), week, l.cartons(), l.cartons(), l.ceiling(), retailer,
						l.productCode(), week}).toList());
		boolean[] fitted = new boolean[lines.size()];
		List<Integer> rest = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			fitted[i] = made[i] == 1;
			if (!fitted[i]) {
				rest.add(i);
			}
		}
		if (!rest.isEmpty()) {
			int[] moved = batch.batchUpdate("""
					UPDATE retailer_week_product SET cartons = cartons + ?
					WHERE retailer_code = ? AND product_code = ? AND week_start = ? AND cartons + ? <= ?""",
					rest.stream().map(i -> new Object[] {lines.get(i).cartons(), retailer, lines.get(i).productCode(), week,
							lines.get(i).cartons(), lines.get(i).ceiling()}).toList());
			for (int k = 0; k < rest.size(); k++) {
				fitted[rest.get(k)] = moved[k] == 1;
			}
		}
		return fitted;
	}

	/** Reserves each line's cartons of the stock if that many can still be promised; which could be. */
	boolean[] reserve(List<WeekLine> lines) {
		int[] reserved = batch.batchUpdate("UPDATE stock SET reserved = reserved + ? WHERE product_code = ? AND on_hand - reserved >= ?",
				lines.stream().map(l -> new Object[] {l.cartons(), l.productCode(), l.cartons()}).toList());
		boolean[] done = new boolean[lines.size()];
		for (int i = 0; i < done.length; i++) {
			done[i] = reserved[i] == 1;
		}
		return done;
	}

	/**
	 * Adds the order's lines to the day's sales per product (daily_sales, what the forecasts read): the
	 * day's row of a product moves (one batch); the day's first order of a product makes it.
	 */
	void addToDailySales(LocalDate day, List<WeekLine> lines) {
		int[] moved = batch.batchUpdate("UPDATE daily_sales SET cartons = cartons + ? WHERE product_code = ? AND sales_date = ?",
				lines.stream().map(l -> new Object[] {l.cartons(), l.productCode(), day}).toList());
		List<Object[]> first = new ArrayList<>();
		for (int i = 0; i < moved.length; i++) {
			if (moved[i] == 0) {
				first.add(new Object[] {lines.get(i).productCode(), day, lines.get(i).cartons()});
			}
		}
		if (!first.isEmpty()) {
			batch.batchUpdate("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, ?)", first);
		}
	}

	int productWeek(String retailer, String product, LocalDate week) {
		return jdbc.sql("SELECT cartons FROM retailer_week_product WHERE retailer_code = :r AND product_code = :p AND week_start = :w")
				.param("r", retailer).param("p", product).param("w", week).query(Integer.class).optional().orElse(0);
	}

	/** Adds to what the retailer ordered this week in all, if it stays within the tier's total (null: none). */
	boolean addToWeekTotal(String retailer, LocalDate week, int cartons, Integer limit) {
		int ceiling = limit == null ? Integer.MAX_VALUE : limit;
		if (jdbc.sql("""
				INSERT INTO retailer_week_total (retailer_code, week_start, cartons)
				SELECT :r, :w, :n FROM (VALUES (1)) one (x) WHERE :n <= :limit AND NOT EXISTS
				  (SELECT 1 FROM retailer_week_total WHERE retailer_code = :r AND week_start = :w)""")
				.param("r", retailer).param("w", week).param("n", cartons).param("limit", ceiling).update() == 1) {
			return true;
		}
		return jdbc.sql("UPDATE retailer_week_total SET cartons = cartons + :n WHERE retailer_code = :r AND week_start = :w AND cartons + :n <= :limit")
				.param("n", cartons).param("r", retailer).param("w", week).param("limit", ceiling).update() == 1;
	}

	int weekTotal(String retailer, LocalDate week) {
		return jdbc.sql("SELECT cartons FROM retailer_week_total WHERE retailer_code = :r AND week_start = :w")
				.param("r", retailer).param("w", week).query(Integer.class).optional().orElse(0);
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
				                         cartons, amount, recorded_at, call_seconds)
				VALUES (:r, :c, :o, :d, :w, :s, :e, :pr, :n, :a, :now, :secs)""")
				.param("r", retailer).param("c", clerk).param("o", outcome.name()).param("d", day).param("w", week)
				.param("s", Timestamp.valueOf(started)).param("e", Timestamp.valueOf(ended)).param("pr", paymentReminded)
				.param("n", cartons).param("a", amount).param("now", Timestamp.valueOf(now))
				.param("secs", Duration.between(started, ended).toSeconds())
				.update(key, "id");
		return key.getKey().longValue();
	}

	/** An order's lines in one batch, each: order id, product, cartons, unit price, amount. */
	void insertLines(java.util.List<Object[]> lines) {
		batch.batchUpdate("INSERT INTO phone_order_line (order_id, product_code, cartons, unit_price, amount) VALUES (?, ?, ?, ?, ?)", lines);
	}
}
