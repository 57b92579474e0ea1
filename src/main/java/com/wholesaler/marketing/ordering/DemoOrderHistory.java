package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo company's past as phone orders: for every day of its sales history, the retailers on
 * that weekday's routes were called by the route's clerk (a few not reached, a few hanging up), and
 * each product's cartons sold that day are the lines of the orders taken, bigger tiers ordering more.
 * So the sales the purchase plan and the stock warning read are exactly the orders' lines, and the
 * order department's figures, plan quantities and lists have thirteen weeks behind them. Made from a
 * fixed seed, a day at a time in date order; each day written in batches in its own transaction by one of
 * two writers while the next days are made.
 */
final class DemoOrderHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoOrderHistory.class);
	private static final long SEED = 20_261_202L;
	private static final int BATCH = 5_000;
	/** Threads writing the days while the next are made: the machine's two cores. */
	private static final int WRITERS = 2;
	private static final LocalTime FIRST_CALL = LocalTime.of(8, 30);
	private static final int CALLING_SECONDS = 9 * 3600;

	private record Called(String retailer, int tier, String clerk, CallOutcome outcome) {
	}

	private record Listed(String retailer, int tier, String clerk) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final Random random = new Random(SEED);

	/** Cartons per retailer and week start, for the plan quantities of later lists. */
	private final Map<String, Map<LocalDate, Integer>> weekly = new HashMap<>();

	private long nextId = 1;
	private long madeNanos;
	private int calls;
	private int lines;

	DemoOrderHistory(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Writes the orders of the last {@code days} days of the sales history (the sales before them stay without orders). */
	void write(LocalDate today, int days) {
		long started = System.nanoTime();
		Map<LocalDate, Map<String, Integer>> sales = new TreeMap<>();
		jdbc.query("SELECT product_code, sales_date, cartons FROM daily_sales WHERE cartons > 0 AND sales_date >= ? AND sales_date < ?",
				rs -> {
					sales.computeIfAbsent(rs.getDate("sales_date").toLocalDate(), d -> new TreeMap<>())
							.put(rs.getString("product_code"), rs.getInt("cartons"));
				}, Date.valueOf(today.minusDays(days)), Date.valueOf(today));
		Map<String, BigDecimal> prices = new HashMap<>();
		jdbc.query("SELECT code, wholesale_price FROM product", rs -> {
			prices.put(rs.getString("code"), rs.getBigDecimal("wholesale_price"));
		});
		Map<Integer, List<Listed>> byWeekday = new HashMap<>();
		jdbc.query("""
				SELECT t.code, t.tier, r.order_weekday, r.clerk FROM retailer t JOIN route r ON r.code = t.route_code
				WHERE t.status = 'ACTIVE' AND r.clerk IS NOT NULL ORDER BY t.code""", rs -> {
			byWeekday.computeIfAbsent(rs.getInt("order_weekday"), d -> new ArrayList<>())
					.add(new Listed(rs.getString("code"), rs.getInt("tier"), rs.getString("clerk")));
		});
		LocalDate thisWeek = OrderWeek.of(today);
		// the days are made in order (one random sequence), and written by two writers while the next are made
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<?>> written = new ArrayList<>();
		try {
			for (Map.Entry<LocalDate, Map<String, Integer>> sold : sales.entrySet()) {
				LocalDate day = sold.getKey();
				List<Listed> listed = byWeekday.getOrDefault(day.getDayOfWeek().getValue(), List.of());
				if (!listed.isEmpty()) {
					long making = System.nanoTime();
					DayRows rows = makeDay(day, listed, sold.getValue(), prices, !day.isBefore(thisWeek));
					madeNanos += System.nanoTime() - making;
					written.add(writers.submit(() -> transaction.executeWithoutResult(status -> rows.write())));
					if (written.size() > WRITERS) {
						// a few days in memory at most: wait for the one made before the days being written
						written.get(written.size() - WRITERS - 1).get();
					}
				}
			}
			for (Future<?> day : written) {
				day.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("demo order history interrupted", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("demo order history not written", e.getCause());
		}
		finally {
			writers.shutdownNow();
		}
		jdbc.execute("ALTER TABLE phone_order ALTER COLUMN id RESTART WITH " + nextId);
		log.info("Demo order history written in {} ms (of which {} ms making the rows): {} days, {} calls, {} order lines",
				(System.nanoTime() - started) / 1_000_000, madeNanos / 1_000_000, sales.size(), calls, lines);
	}

	/** A day's rows of each table, made and waiting to be written. */
	private final class DayRows {
		final List<Object[]> orders = new ArrayList<>();
		final List<Object[]> orderLines = new ArrayList<>();
		final List<Object[]> weekProducts = new ArrayList<>();
		final List<Object[]> weekTotals = new ArrayList<>();
		final List<Object[]> workLogs = new ArrayList<>();

		void write() {
			insert("""
					INSERT INTO phone_order (id, retailer_code, clerk, outcome, call_date, week_start, started_at, ended_at, payment_reminded,
					                         cartons, amount, recorded_at, call_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orders);
			insert("INSERT INTO phone_order_line (order_id, product_code, cartons, unit_price, amount) VALUES (?, ?, ?, ?, ?)", orderLines);
			insert("INSERT INTO retailer_week_product (retailer_code, product_code, week_start, cartons) VALUES (?, ?, ?, ?)", weekProducts);
			insert("INSERT INTO retailer_week_total (retailer_code, week_start, cartons) VALUES (?, ?, ?)", weekTotals);
			insert("""
					INSERT INTO work_log (call_date, clerk, retailers, plan_cartons, called, connected, ordered, cartons, call_seconds, filed_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", workLogs);
		}
	}

	private DayRows makeDay(LocalDate day, List<Listed> listed, Map<String, Integer> products, Map<String, BigDecimal> prices,
			boolean thisWeek) {
		LocalDate week = OrderWeek.of(day);
		List<Called> called = new ArrayList<>();
		Map<String, Integer> plans = new HashMap<>();
		for (Listed l : listed) {
			plans.merge(l.clerk(), plan(l.retailer(), week), Integer::sum);
			int r = random.nextInt(100);
			if (r < 2) {
				continue;
			}
			called.add(new Called(l.retailer(), l.tier(), l.clerk(), r < 7 ? CallOutcome.NO_ANSWER : r < 10 ? CallOutcome.HUNG_UP : CallOutcome.CONNECTED));
		}
		List<Called> connected = called.stream().filter(c -> c.outcome() == CallOutcome.CONNECTED).toList();
		double[] cumulative = new double[connected.size()];
		double sum = 0;
		for (int i = 0; i < connected.size(); i++) {
			sum += 1 + connected.get(i).tier() / 5.0;
			cumulative[i] = sum;
		}
		Map<String, Map<String, Integer>> ordered = new HashMap<>();
		for (Map.Entry<String, Integer> product : products.entrySet()) {
			int left = product.getValue();
			while (left > 0 && !connected.isEmpty()) {
				int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
				Called buyer = connected.get(at < 0 ? Math.min(-at - 1, connected.size() - 1) : at);
				int cartons = Math.min(left, 1 + random.nextInt(2 + buyer.tier() / 4));
				ordered.computeIfAbsent(buyer.retailer(), k -> new TreeMap<>()).merge(product.getKey(), cartons, Integer::sum);
				left -= cartons;
			}
		}
		DayRows rows = new DayRows();
		List<Object[]> orders = rows.orders;
		List<Object[]> orderLines = rows.orderLines;
		List<Object[]> weekProducts = rows.weekProducts;
		List<Object[]> weekTotals = rows.weekTotals;
		Map<String, int[]> logs = new LinkedHashMap<>();
		Map<String, Integer> slot = new HashMap<>();
		Map<String, Long> perClerk = new HashMap<>();
		called.forEach(c -> perClerk.merge(c.clerk(), 1L, Long::sum));
		for (Called c : called) {
			Map<String, Integer> lines = ordered.getOrDefault(c.retailer(), Map.of());
			int cartons = lines.values().stream().mapToInt(Integer::intValue).sum();
			BigDecimal amount = BigDecimal.ZERO;
			long id = nextId++;
			for (Map.Entry<String, Integer> line : lines.entrySet()) {
				BigDecimal price = prices.get(line.getKey());
				BigDecimal lineAmount = price.multiply(BigDecimal.valueOf(line.getValue()));
				amount = amount.add(lineAmount);
				orderLines.add(new Object[] {id, line.getKey(), line.getValue(), price, lineAmount});
				if (thisWeek) {
					weekProducts.add(new Object[] {c.retailer(), line.getKey(), Date.valueOf(week), line.getValue()});
				}
			}
			if (thisWeek && cartons > 0) {
				weekTotals.add(new Object[] {c.retailer(), Date.valueOf(week), cartons});
			}
			int seconds = switch (c.outcome()) {
				case CONNECTED -> 40 + 20 * lines.size() + random.nextInt(60);
				case NO_ANSWER -> 20 + random.nextInt(25);
				case HUNG_UP -> 15 + random.nextInt(60);
			};
			int index = slot.merge(c.clerk(), 1, Integer::sum) - 1;
			LocalDateTime start = day.atTime(FIRST_CALL).plusSeconds(index * (long) CALLING_SECONDS / perClerk.get(c.clerk()));
			LocalDateTime end = start.plusSeconds(seconds);
			orders.add(new Object[] {id, c.retailer(), c.clerk(), c.outcome().name(), Date.valueOf(day), Date.valueOf(week), Timestamp.valueOf(start),
					Timestamp.valueOf(end), cartons > 0 && random.nextInt(20) > 0, cartons, amount, Timestamp.valueOf(end), seconds});
			weekly.computeIfAbsent(c.retailer(), k -> new HashMap<>()).merge(week, cartons, Integer::sum);
			int[] log = logs.computeIfAbsent(c.clerk(), k -> new int[5]);
			log[0]++;
			log[1] += c.outcome() == CallOutcome.NO_ANSWER ? 0 : 1;
			log[2] += cartons > 0 ? 1 : 0;
			log[3] += cartons;
			log[4] += seconds;
			calls++;
			this.lines += lines.size();
		}
		Map<String, Integer> onList = new HashMap<>();
		listed.forEach(l -> onList.merge(l.clerk(), 1, Integer::sum));
		List<Object[]> workLogs = rows.workLogs;
		onList.forEach((clerk, retailers) -> {
			int[] f = logs.getOrDefault(clerk, new int[5]);
			workLogs.add(new Object[] {Date.valueOf(day), clerk, retailers, plans.get(clerk), f[0], f[1], f[2], f[3], f[4],
					Timestamp.valueOf(day.atTime(17, 45))});
		});
		return rows;
	}

	/** The retailer's plan quantity for a week: its weekly average over the four weeks before (PlanWindow). */
	private int plan(String retailer, LocalDate week) {
		Map<LocalDate, Integer> weeks = weekly.get(retailer);
		if (weeks == null) {
			return 0;
		}
		int cartons = 0;
		for (int w = 1; w <= PlanWindow.WEEKS; w++) {
			cartons += weeks.getOrDefault(week.minusWeeks(w), 0);
		}
		return PlanWindow.weekly(cartons);
	}


	private void insert(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}

}
