package com.wholesaler.marketing.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 購銷存: per product, brand, manufacturer or price class, the stock a period began with, what arrived
 * (good cartons received), what was sold (the day's sales, which the phone orders make), and the stock
 * it ended with; beside them the same days a year before. Past stock is today's stock (less what
 * confirmed orders hold) taken back through what arrived and what was sold since, so that
 * 期初 + 購進 − 銷售 = 期末 holds on every row.
 */
@Component
public class PurchasesSalesStock {

	/** One row: cartons, and the sales' amount at today's wholesale price. */
	public record Line(String key, String label, long opening, long purchases, long sales, long closing,
			long purchasesLastYear, long salesLastYear, BigDecimal salesAmount) {

		/** Sales against the same days last year; null when nothing was sold then. */
		public Double salesGrowth() {
			return salesLastYear == 0 ? null : (sales - salesLastYear) / (double) salesLastYear;
		}

		/** 存銷比: the closing stock against a month (30 days) of the period's sales; null without sales. */
		public Double stockToSales(long days) {
			return sales == 0 ? null : closing / (sales * 30.0 / days);
		}

		/** 可銷天數: days the closing stock lasts at the period's daily sales; null without sales. */
		public Double coverDays(long days) {
			return sales == 0 ? null : closing / (sales / (double) days);
		}

		Line plus(Line other) {
			return new Line(key, label, opening + other.opening, purchases + other.purchases, sales + other.sales,
					closing + other.closing, purchasesLastYear + other.purchasesLastYear, salesLastYear + other.salesLastYear,
					salesAmount.add(other.salesAmount));
		}
	}

	public record Report(ReportPeriod period, Grouping grouping, List<Line> lines, Line total) {
	}

	private record Movement(String code, long stockNow, long sold, long soldAfter, long soldLastYear, long arrived,
			long arrivedAfter, long arrivedLastYear) {
	}

	private final JdbcClient jdbc;
	private final Assortment assortment;

	PurchasesSalesStock(JdbcClient jdbc, Assortment assortment) {
		this.jdbc = jdbc;
		this.assortment = assortment;
	}

	/** Rows with any stock or movement, the best-selling first (price classes in their order). */
	public Report of(ReportPeriod period, Grouping grouping) {
		Map<String, Assortment.Item> items = assortment.items();
		Map<String, Line> lines = new LinkedHashMap<>();
		for (Movement m : movements(period)) {
			Assortment.Item item = items.get(m.code());
			long closing = m.stockNow() - m.arrivedAfter() + m.soldAfter();
			long opening = closing - m.arrived() + m.sold();
			if (opening == 0 && closing == 0 && m.sold() == 0 && m.arrived() == 0 && m.soldLastYear() == 0) {
				continue;
			}
			Line line = new Line(item.key(grouping), item.label(grouping), opening, m.arrived(), m.sold(), closing,
					m.arrivedLastYear(), m.soldLastYear(), item.wholesalePrice().multiply(BigDecimal.valueOf(m.sold())));
			lines.merge(line.key(), line, Line::plus);
		}
		List<Line> sorted = new ArrayList<>(lines.values());
		sorted.sort(grouping == Grouping.PRICE_CLASS ? Comparator.comparing(Line::key)
				: Comparator.comparingLong(Line::sales).reversed().thenComparing(Line::key));
		Line total = sorted.stream().reduce(new Line("", "合計", 0, 0, 0, 0, 0, 0, BigDecimal.ZERO), Line::plus);
		return new Report(period, grouping, sorted, new Line("", "合計", total.opening(), total.purchases(), total.sales(),
				total.closing(), total.purchasesLastYear(), total.salesLastYear(), total.salesAmount()));
	}

	private List<Movement> movements(ReportPeriod period) {
		ReportPeriod lastYear = period.lastYear();
		return jdbc.sql("""
				SELECT p.code, COALESCE(s.on_hand - s.reserved, 0) AS stock_now,
				       COALESCE(ds.sold, 0) AS sold, COALESCE(ds.sold_after, 0) AS sold_after, COALESCE(ds.sold_ly, 0) AS sold_ly,
				       COALESCE(da.arrived, 0) AS arrived, COALESCE(da.arrived_after, 0) AS arrived_after,
				       COALESCE(da.arrived_ly, 0) AS arrived_ly
				FROM product p
				LEFT JOIN stock s ON s.product_code = p.code
				LEFT JOIN (SELECT product_code,
				                  SUM(CASE WHEN sales_date >= :from AND sales_date <= :to THEN cartons ELSE 0 END) AS sold,
				                  SUM(CASE WHEN sales_date > :to THEN cartons ELSE 0 END) AS sold_after,
				                  SUM(CASE WHEN sales_date >= :lyFrom AND sales_date <= :lyTo THEN cartons ELSE 0 END) AS sold_ly
				           FROM daily_sales WHERE sales_date >= :lyFrom GROUP BY product_code) ds ON ds.product_code = p.code
				LEFT JOIN (SELECT product_code,
				                  SUM(CASE WHEN arrival_date >= :from AND arrival_date <= :to THEN cartons ELSE 0 END) AS arrived,
				                  SUM(CASE WHEN arrival_date > :to THEN cartons ELSE 0 END) AS arrived_after,
				                  SUM(CASE WHEN arrival_date >= :lyFrom AND arrival_date <= :lyTo THEN cartons ELSE 0 END) AS arrived_ly
				           FROM daily_arrivals WHERE arrival_date >= :lyFrom GROUP BY product_code) da ON da.product_code = p.code
				ORDER BY p.code""")
				.param("from", period.from()).param("to", period.to())
				.param("lyFrom", lastYear.from()).param("lyTo", lastYear.to())
				.query((rs, i) -> new Movement(rs.getString("code"), rs.getLong("stock_now"), rs.getLong("sold"),
						rs.getLong("sold_after"), rs.getLong("sold_ly"), rs.getLong("arrived"), rs.getLong("arrived_after"),
						rs.getLong("arrived_ly")))
				.list();
	}
}
