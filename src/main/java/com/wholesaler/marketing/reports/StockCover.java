package com.wholesaler.marketing.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.catalog.PriceClass;

/**
 * 存銷比 and cover days over time: at the end of each week of the period, the stock of each price
 * class against that week's daily sales. The rows per product or class are the 購銷存's closing stock
 * and sales, read as a ratio.
 */
@Component
public class StockCover {

	/** A week's end: per price class and in all, the stock then, the week's sales, and the days the stock lasts. */
	public record Week(LocalDate end, Map<PriceClass, Point> perClass, Point total) {
	}

	public record Point(long stock, long sales, int days) {

		/** Null when nothing was sold that week. */
		public Double coverDays() {
			return sales == 0 ? null : stock / (sales / (double) days);
		}

		Point plus(long moreStock, long moreSales) {
			return new Point(stock + moreStock, sales + moreSales, days);
		}
	}

	public record Report(PurchasesSalesStock.Report lines, List<Week> weeks) {
	}

	private final JdbcClient jdbc;
	private final Assortment assortment;
	private final PurchasesSalesStock ledger;

	StockCover(JdbcClient jdbc, Assortment assortment, PurchasesSalesStock ledger) {
		this.jdbc = jdbc;
		this.assortment = assortment;
		this.ledger = ledger;
	}

	public Report of(ReportPeriod period, Grouping grouping, LocalDate today) {
		return new Report(ledger.of(period, grouping), weeks(period, today));
	}

	/**
	 * Each product's stock at the end of every day from the period's start, walked back from today's
	 * stock: end of day d = end of day d+1 − what arrived on d+1 + what was sold on d+1.
	 */
	private List<Week> weeks(ReportPeriod period, LocalDate today) {
		Map<String, Assortment.Item> items = assortment.items();
		// the days from the period's start to today, or to the period's end should it lie ahead (nothing moves then)
		int span = (int) ChronoUnit.DAYS.between(period.from(), period.to().isAfter(today) ? period.to() : today) + 1;
		Map<String, long[]> sold = new HashMap<>();
		Map<String, long[]> net = new HashMap<>();
		// what is dated after the last day counted (an order taken for a later day) moved the stock after it too
		Map<String, Long> later = new HashMap<>();
		jdbc.sql("SELECT product_code, sales_date, cartons FROM daily_sales WHERE sales_date >= :from AND cartons > 0")
				.param("from", period.from())
				.query(rs -> {
					int d = (int) ChronoUnit.DAYS.between(period.from(), rs.getDate("sales_date").toLocalDate());
					if (d < span) {
						sold.computeIfAbsent(rs.getString("product_code"), c -> new long[span])[d] += rs.getLong("cartons");
						net.computeIfAbsent(rs.getString("product_code"), c -> new long[span])[d] += rs.getLong("cartons");
					}
					else {
						later.merge(rs.getString("product_code"), rs.getLong("cartons"), Long::sum);
					}
				});
		jdbc.sql("SELECT product_code, arrival_date, cartons FROM daily_arrivals WHERE arrival_date >= :from")
				.param("from", period.from())
				.query(rs -> {
					int d = (int) ChronoUnit.DAYS.between(period.from(), rs.getDate("arrival_date").toLocalDate());
					if (d < span) {
						net.computeIfAbsent(rs.getString("product_code"), c -> new long[span])[d] -= rs.getLong("cartons");
					}
					else {
						later.merge(rs.getString("product_code"), -rs.getLong("cartons"), Long::sum);
					}
				});
		Map<String, Long> stockNow = new HashMap<>();
		jdbc.sql("SELECT product_code, on_hand - reserved AS now FROM stock")
				.query(rs -> {
					stockNow.put(rs.getString("product_code"), rs.getLong("now"));
				});
		List<int[]> weekSpans = weekSpans(period);
		List<Week> weeks = new ArrayList<>();
		for (int[] w : weekSpans) {
			weeks.add(new Week(period.from().plusDays(w[1]), new EnumMap<>(PriceClass.class), new Point(0, 0, w[1] - w[0] + 1)));
		}
		for (Assortment.Item item : items.values()) {
			long[] productNet = net.getOrDefault(item.code(), new long[span]);
			long[] productSold = sold.getOrDefault(item.code(), new long[span]);
			long endOfDay = stockNow.getOrDefault(item.code(), 0L) + later.getOrDefault(item.code(), 0L);
			long[] stockAtEnd = new long[span];
			for (int d = span - 1; d >= 0; d--) {
				stockAtEnd[d] = endOfDay;
				endOfDay += productNet[d];
			}
			for (int i = 0; i < weekSpans.size(); i++) {
				int[] w = weekSpans.get(i);
				long weekSales = 0;
				for (int d = w[0]; d <= w[1]; d++) {
					weekSales += productSold[d];
				}
				Week week = weeks.get(i);
				long stock = stockAtEnd[w[1]];
				if (stock == 0 && weekSales == 0) {
					continue;
				}
				week.perClass().merge(item.priceClass(), new Point(stock, weekSales, w[1] - w[0] + 1),
						(a, b) -> a.plus(b.stock(), b.sales()));
				weeks.set(i, new Week(week.end(), week.perClass(), week.total().plus(stock, weekSales)));
			}
		}
		return weeks;
	}

	/** The period's weeks, Monday to Sunday, as day offsets from its start; the first and last may be short. */
	private static List<int[]> weekSpans(ReportPeriod period) {
		List<int[]> spans = new ArrayList<>();
		int last = (int) period.days() - 1;
		int start = 0;
		for (int d = 0; d <= last; d++) {
			if (period.from().plusDays(d).getDayOfWeek() == DayOfWeek.SUNDAY || d == last) {
				spans.add(new int[] {start, d});
				start = d + 1;
			}
		}
		return spans;
	}
}
