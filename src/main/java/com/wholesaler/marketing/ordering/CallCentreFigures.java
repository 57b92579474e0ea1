package com.wholesaler.marketing.ordering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * The order department's figures (統計訂單明細、接通率、操作成功率…), per clerk and day, summed per week
 * and for all seats, from the calls taken and the lists made in the morning (each clerk's day in
 * work_log: retailers listed, their plan quantities). Three queries over the period, whatever its
 * length: the page over 13 weeks reads each table once.
 */
@Service
public class CallCentreFigures {

	/** The longest period asked at once: a quarter and a bit, what the trend chart can show. */
	static final int MOST_DAYS = 190;

	/** One row of the report: a clerk's day, a clerk's week, or all seats for a day or the period. */
	public record Row(LocalDate day, LocalDate week, String clerk, Figures figures) {
	}

	public record Report(LocalDate from, LocalDate to, List<Row> clerkDays, List<Row> clerkWeeks, List<Row> days, Figures total) {
	}

	private final JdbcClient jdbc;

	CallCentreFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Report report(LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new BusinessRuleException("請選擇起止日期，結束不早於開始 (from and to, to not before from)");
		}
		if (from.plusDays(MOST_DAYS).isBefore(to)) {
			throw new BusinessRuleException("一次最多查看 %d 天 (at most %d days)".formatted(MOST_DAYS, MOST_DAYS));
		}
		Map<String, Figures> byClerkDay = new TreeMap<>();
		jdbc.sql("""
				SELECT call_date, clerk, COUNT(*) AS calls,
				       SUM(CASE WHEN outcome <> 'NO_ANSWER' THEN 1 ELSE 0 END) AS answered,
				       SUM(CASE WHEN outcome = 'CONNECTED' THEN 1 ELSE 0 END) AS completed,
				       COUNT(DISTINCT retailer_code) AS called,
				       COUNT(DISTINCT CASE WHEN cartons > 0 THEN retailer_code END) AS ordering,
				       SUM(CASE WHEN cartons > 0 THEN 1 ELSE 0 END) AS orders,
				       SUM(cartons) AS cartons, SUM(call_seconds) AS seconds,
				       SUM(CASE WHEN cartons > 0 THEN call_seconds ELSE 0 END) AS order_seconds
				FROM phone_order WHERE call_date BETWEEN :from AND :to GROUP BY call_date, clerk""")
				.param("from", from).param("to", to)
				.query((rs, n) -> byClerkDay.merge(key(rs.getDate("call_date").toLocalDate(), rs.getString("clerk")),
						new Figures(rs.getInt("calls"), rs.getInt("answered"), rs.getInt("completed"), rs.getInt("called"), rs.getInt("ordering"),
								rs.getInt("orders"), rs.getInt("cartons"), rs.getLong("seconds"), rs.getLong("order_seconds"), 0, 0, 0),
						Figures::plus))
				.list();
		jdbc.sql("""
				SELECT call_date, clerk, retailers, plan_cartons AS plan
				FROM work_log WHERE call_date BETWEEN :from AND :to""")
				.param("from", from).param("to", to)
				.query((rs, n) -> byClerkDay.merge(key(rs.getDate("call_date").toLocalDate(), rs.getString("clerk")),
						Figures.listed(rs.getInt("retailers"), rs.getInt("plan")), Figures::plus))
				.list();
		// the few products limited in the period first, so that only their lines are read, not a quarter's
		jdbc.sql("""
				SELECT o.call_date, o.clerk, SUM(l.cartons) AS cartons
				FROM phone_order_line l JOIN phone_order o ON o.id = l.order_id
				WHERE l.product_code IN (SELECT p.product_code FROM allocation_limit p WHERE p.valid_from <= :to AND p.valid_to >= :from)
				  AND o.call_date BETWEEN :from AND :to AND EXISTS (
				  SELECT 1 FROM allocation_limit a WHERE a.product_code = l.product_code
				  AND a.valid_from <= o.call_date AND a.valid_to >= o.call_date)
				GROUP BY o.call_date, o.clerk""")
				.param("from", from).param("to", to)
				.query((rs, n) -> byClerkDay.merge(key(rs.getDate("call_date").toLocalDate(), rs.getString("clerk")),
						Figures.special(rs.getInt("cartons")), Figures::plus))
				.list();
		List<Row> clerkDays = new ArrayList<>();
		byClerkDay.forEach((k, f) -> {
			LocalDate day = LocalDate.parse(k.substring(0, 10));
			clerkDays.add(new Row(day, OrderWeek.of(day), k.substring(11), f));
		});
		List<Row> clerkWeeks = sum(clerkDays, r -> r.week() + " " + r.clerk(), r -> new Row(null, r.week(), r.clerk(), null));
		List<Row> days = sum(clerkDays, r -> r.day().toString(), r -> new Row(r.day(), r.week(), null, null));
		Figures total = clerkDays.stream().map(Row::figures).reduce(Figures.NONE, Figures::plus);
		return new Report(from, to, clerkDays, clerkWeeks, days, total);
	}

	private static List<Row> sum(List<Row> rows, Function<Row, String> by, Function<Row, Row> head) {
		Map<String, Row> sums = new TreeMap<>();
		for (Row r : rows) {
			sums.merge(by.apply(r), withFigures(head.apply(r), r.figures()), (a, b) -> withFigures(a, a.figures().plus(b.figures())));
		}
		return new ArrayList<>(sums.values());
	}

	private static Row withFigures(Row row, Figures figures) {
		return new Row(row.day(), row.week(), row.clerk(), figures);
	}

	private static String key(LocalDate day, String clerk) {
		return day + " " + clerk;
	}
}
