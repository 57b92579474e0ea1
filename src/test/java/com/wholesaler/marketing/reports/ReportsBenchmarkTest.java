package com.wholesaler.marketing.reports;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.PortalSession;
import com.wholesaler.marketing.StandaloneStart;
import com.wholesaler.marketing.catalog.BusinessTime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The reports' targets (#14) on PostgreSQL with the demo company and 13 weeks of phone orders: each
 * report's page under 1 s and its workbook under 3 s, over the last 13 weeks, loaded by the director's
 * portal session. Prints p50 and max of 10 loads after 2 warm-ups.
 * Run with {@code mvn -Pbenchmark test -Dtest=ReportsBenchmarkTest}.
 */
@Tag("benchmark")
class ReportsBenchmarkTest {

	private static final List<String> REPORTS = List.of("purchases-sales-stock", "stock-cover", "supply-state", "demand",
			"brands", "retailers");

	@Test
	void everyReportOverThirteenWeeks() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE reports");
			try (ConfigurableApplicationContext app = StandaloneStart.of("default", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "reports"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true", "--marketing.demo.order-history-days=91"))) {
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				jdbc.execute("ANALYZE");
				long orders = jdbc.queryForObject("SELECT COUNT(*) FROM phone_order", Long.class);
				long lines = jdbc.queryForObject("SELECT COUNT(*) FROM phone_order_line", Long.class);
				long sales = jdbc.queryForObject("SELECT COUNT(*) FROM daily_sales", Long.class);
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				PortalSession director = PortalSession.signIn(port, "director", "demo");
				LocalDate today = LocalDate.now(BusinessTime.ZONE);
				String period = "?from=" + today.minusWeeks(13).plusDays(1) + "&to=" + today;
				StringBuilder table = new StringBuilder("""
						%,d calls, %,d order lines, %,d days × products of sales
						| report | page p50 (ms) | page max (ms) | .xlsx p50 (ms) | .xlsx max (ms) |
						|---|---|---|---|---|
						""".formatted(orders, lines, sales));
				for (String report : REPORTS) {
					String query = report.equals("supply-state") ? "" : period;
					long[] page = time(director, "/reports/" + report + query);
					long[] book = time(director, "/reports/" + report + ".xlsx" + query);
					table.append("| %s | %d | %d | %d | %d |%n".formatted(report, page[0], page[1], book[0], book[1]));
				}
				RetailerSegments.Report segments = app.getBean(RetailerSegments.class).of(ReportPeriod.lastWeeks(13, today));
				table.append("%nretailers: %,d active, %,d ordering, %,d drifting (rows of the retailer workbook)%n".formatted(
						segments.active(), segments.ordering(), segments.drifting().size()));
				System.out.println();
				System.out.println(table);
			}
		}
	}

	private static long[] time(PortalSession session, String path) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = session.get(path);
			if (response.statusCode() != 200) {
				throw new AssertionError(path + ": " + response.statusCode());
			}
			if (i >= 2) {
				times.add((System.nanoTime() - start) / 1_000_000);
			}
		}
		Collections.sort(times);
		return new long[] {times.get(times.size() / 2), times.get(times.size() - 1)};
	}
}
