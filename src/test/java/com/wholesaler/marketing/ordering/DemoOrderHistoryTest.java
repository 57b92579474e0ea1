package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * The demo's sales are its orders: over the days of its order history (two weeks in the suite), each
 * product's sales of a day are exactly the lines of that day's orders, and the calls look like a call
 * centre's (most retailers reached, a few not, logs filed with the day's figures).
 */
@IntegrationTest
class DemoOrderHistoryTest {

	@Autowired
	JdbcTemplate jdbc;

	private final LocalDate today = LocalDate.now(BusinessTime.ZONE);

	@Test
	void eachDaysSalesAreTheLinesOfItsOrders() {
		LocalDate first = jdbc.queryForObject("SELECT MIN(call_date) FROM phone_order", LocalDate.class);
		assertThat(first).isBefore(today.minusDays(7));
		String ordered = """
				(SELECT o.call_date, l.product_code, SUM(l.cartons) AS cartons FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id
				 WHERE o.call_date >= ? AND o.call_date < ? GROUP BY o.call_date, l.product_code)""";
		Long salesWithoutTheirOrders = jdbc.queryForObject("SELECT COUNT(*) FROM daily_sales d LEFT JOIN " + ordered + """
				 x ON x.call_date = d.sales_date AND x.product_code = d.product_code
				WHERE d.sales_date >= ? AND d.sales_date < ? AND d.cartons <> COALESCE(x.cartons, 0)""", Long.class, first, today, first, today);
		Long ordersWithoutSales = jdbc.queryForObject("SELECT COUNT(*) FROM " + ordered + """
				 x LEFT JOIN daily_sales d ON x.call_date = d.sales_date AND x.product_code = d.product_code
				WHERE d.sales_date IS NULL""", Long.class, first, today);
		long differing = salesWithoutTheirOrders + ordersWithoutSales;
		assertThat(differing).isZero();
		assertThat(jdbc.queryForObject("SELECT SUM(cartons) FROM daily_sales WHERE sales_date >= ? AND sales_date < ?", Long.class, first, today))
				.isPositive();
	}

	@Test
	void mostRetailersAreReachedAndEveryDayHasItsFiledLogs() {
		LocalDate yesterdayOrBefore = jdbc.queryForObject("SELECT MAX(call_date) FROM work_log WHERE call_date < ?", LocalDate.class, today);
		Long listed = jdbc.queryForObject("SELECT SUM(retailers) FROM work_log WHERE call_date = ?", Long.class, yesterdayOrBefore);
		Long called = jdbc.queryForObject("SELECT COUNT(DISTINCT retailer_code) FROM phone_order WHERE call_date = ?", Long.class, yesterdayOrBefore);
		Long connected = jdbc.queryForObject("SELECT COUNT(*) FROM phone_order WHERE call_date = ? AND outcome = 'CONNECTED'", Long.class,
				yesterdayOrBefore);
		assertThat(called).isBetween(listed * 95 / 100, listed);
		assertThat(connected).isBetween(called * 85 / 100, called * 95 / 100);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_log WHERE call_date < ? AND filed_at IS NULL AND call_date >= ?", Long.class,
				today, today.minusDays(14))).as("the history's logs are filed").isZero();
		assertThat(jdbc.queryForObject("SELECT SUM(called) FROM work_log WHERE call_date = ?", Long.class, yesterdayOrBefore)).isEqualTo(called);
	}
}
