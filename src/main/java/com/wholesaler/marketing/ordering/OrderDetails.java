package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 訂單明細: a day's calls with their outcome, duration and order, for one clerk or all, optionally of one
 * retailer, with the day's totals — what the seat leader counts and a clerk looks back on.
 */
@Service
public class OrderDetails {

	/** One call as listed. */
	public record Call(String orderNumber, LocalDateTime startedAt, long seconds, String clerk, String retailerCode, String retailerName,
			int tier, CallOutcome outcome, int cartons, BigDecimal amount, boolean paymentReminded, int corrections) {

		public String outcomeName() {
			return outcome.chineseName();
		}
	}

	public record Totals(int calls, int connected, int withOrder, long cartons, BigDecimal amount) {
	}

	/** The calls asked (at most the number asked for; {@code more} when there were more) and the totals of all of them. */
	public record Listing(LocalDate day, String clerk, String retailer, List<Call> calls, Totals totals, boolean more) {
	}

	private final JdbcClient jdbc;

	OrderDetails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Listing of(LocalDate day, String clerk, String retailer, int most) {
		String who = blankToNull(clerk);
		String shop = blankToNull(retailer) == null ? null : retailer.strip().toUpperCase(Locale.ROOT);
		String where = " WHERE o.call_date = :day" + (who == null ? "" : " AND o.clerk = :clerk") + (shop == null ? "" : " AND o.retailer_code = :shop");
		var totals = jdbc.sql("""
				SELECT COUNT(*) AS calls, SUM(CASE WHEN o.outcome = 'CONNECTED' THEN 1 ELSE 0 END) AS connected,
				       SUM(CASE WHEN o.cartons > 0 THEN 1 ELSE 0 END) AS with_order, COALESCE(SUM(o.cartons), 0) AS cartons,
				       COALESCE(SUM(o.amount), 0) AS amount
				FROM phone_order o""" + where);
		var calls = jdbc.sql("""
				SELECT o.id, o.started_at, o.call_seconds, o.clerk, o.retailer_code, t.name, t.tier, o.outcome, o.cartons, o.amount,
				       o.payment_reminded, (SELECT COUNT(*) FROM phone_order_correction c WHERE c.order_id = o.id) AS corrections
				FROM phone_order o JOIN retailer t ON t.code = o.retailer_code""" + where + " ORDER BY o.started_at, o.id FETCH FIRST :most ROWS ONLY");
		for (var statement : List.of(totals, calls)) {
			statement.param("day", day);
			if (who != null) {
				statement.param("clerk", who);
			}
			if (shop != null) {
				statement.param("shop", shop);
			}
		}
		Totals sum = totals.query((rs, n) -> new Totals(rs.getInt("calls"), rs.getInt("connected"), rs.getInt("with_order"), rs.getLong("cartons"),
				rs.getBigDecimal("amount"))).single();
		List<Call> list = calls.param("most", most + 1)
				.query((rs, n) -> new Call(Orders.number(rs.getLong("id")), rs.getTimestamp("started_at").toLocalDateTime(), rs.getLong("call_seconds"),
						rs.getString("clerk"), rs.getString("retailer_code"), rs.getString("name"), rs.getInt("tier"),
						CallOutcome.valueOf(rs.getString("outcome")), rs.getInt("cartons"), rs.getBigDecimal("amount"), rs.getBoolean("payment_reminded"),
						rs.getInt("corrections")))
				.list();
		return new Listing(day, who, shop, list.size() > most ? list.subList(0, most) : list, sum, list.size() > most);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
