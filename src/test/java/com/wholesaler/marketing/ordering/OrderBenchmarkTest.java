package com.wholesaler.marketing.ordering;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.StandaloneStart;
import com.wholesaler.marketing.catalog.BusinessTime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The order desk's targets on PostgreSQL (#12): twenty clerks confirming orders at once through
 * {@code POST /api/orders} (limits and stock checked; p50, p95, and whether any limit was exceeded), and
 * the day's call list of a clerk. Prints the figures.
 * Run with {@code mvn -Pbenchmark test -Dtest=OrderBenchmarkTest}.
 */
@Tag("benchmark")
class OrderBenchmarkTest {

	private static final int CLERKS = 20;

	/** Orders each clerk confirms at a clerk's pace before the rest are sent without a pause. */
	private static final int PACED = 20;

	private static final int PACE_MS = 2000;

	@Test
	void twentyClerksAtOnce() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE orders");
			try (ConfigurableApplicationContext app = StandaloneStart.of("default", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "orders"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true", "--marketing.demo.order-history-days=91"))) {
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				IdentityService identity = app.getBean(IdentityService.class);
				// the morning's call lists of the whole company, for the next working day (today's were made at start)
				com.wholesaler.marketing.catalog.WorkingCalendar calendar = app.getBean(com.wholesaler.marketing.catalog.WorkingCalendar.class);
				LocalDate next = LocalDate.now(BusinessTime.ZONE).plusDays(1);
				while (!calendar.isWorkingDay(next)) {
					next = next.plusDays(1);
				}
				long making = System.nanoTime();
				int listsMade = app.getBean(CallDays.class).make(next).size();
				long makeMs = (System.nanoTime() - making) / 1_000_000;
				int entriesMade = jdbc.queryForObject("SELECT COUNT(*) FROM call_list_entry WHERE call_date = ?", Integer.class, next);
				int today = LocalDate.now(BusinessTime.ZONE).getDayOfWeek().getValue();
				List<String> routes = jdbc.queryForList("SELECT code FROM route ORDER BY code FETCH FIRST " + CLERKS + " ROWS ONLY", String.class);
				List<String> clerks = new ArrayList<>();
				for (int c = 0; c < CLERKS; c++) {
					String id = "bench" + c;
					User user = identity.newUser(id);
					user.setPassword("demo");
					identity.saveUser(user);
					identity.createMembership(id, "phoneClerk");
					jdbc.update("UPDATE route SET clerk = ?, order_weekday = ? WHERE code = ?", id, today, routes.get(c));
					clerks.add(id);
				}
				List<String> products = jdbc.queryForList("SELECT p.code FROM product p JOIN stock s ON s.product_code = p.code "
						+ "WHERE p.status = 'ACTIVE' AND s.on_hand > 2000 ORDER BY p.code", String.class);
				for (int i = 0; i < 5; i++) {
					TodaysRoute.limit(jdbc, "SS-BENCH-" + i, products.get(i), 2);
				}
				String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
				HttpClient http = HttpClient.newHttpClient();

				List<Long> listTimes = new ArrayList<>();
				for (int i = 0; i < 7; i++) {
					long start = System.nanoTime();
					send(http, HttpRequest.newBuilder(URI.create(base + "/api/call-lists/today")).header("Authorization", basic("clerk1")).GET());
					listTimes.add((System.nanoTime() - start) / 1_000_000);
				}
				Collections.sort(listTimes);

				// one request at a time: what HTTP Basic alone costs (an unknown address after authentication), and one order
				List<Long> authOnly = new ArrayList<>();
				List<Long> alone = new ArrayList<>();
				Desk solo = Desk.signIn(base, clerks.get(0));
				List<String> soloRetailers = jdbc.queryForList("SELECT code FROM retailer WHERE route_code = ? AND status = 'ACTIVE' ORDER BY code DESC "
						+ "FETCH FIRST 30 ROWS ONLY", String.class, routes.get(0));
				for (int i = 0; i < soloRetailers.size(); i++) {
					long start = System.nanoTime();
					send(http, HttpRequest.newBuilder(URI.create(base + "/api/nothing-here")).header("Authorization", basic(clerks.get(0))).GET());
					authOnly.add((System.nanoTime() - start) / 1_000);
					LocalDateTime now = LocalDateTime.now(BusinessTime.ZONE);
					String body = "{\"retailerCode\":\"%s\",\"outcome\":\"CONNECTED\",\"startedAt\":\"%s\",\"endedAt\":\"%s\",\"paymentReminded\":true,\"lines\":[{\"productCode\":\"%s\",\"cartons\":1},{\"productCode\":\"%s\",\"cartons\":2},{\"productCode\":\"%s\",\"cartons\":1}]}"
							.formatted(soloRetailers.get(i), now.minusMinutes(2), now, products.get(10), products.get(11), products.get(12));
					start = System.nanoTime();
					solo.post(body);
					alone.add((System.nanoTime() - start) / 1_000);
				}
				Collections.sort(authOnly);
				Collections.sort(alone);

				ConcurrentLinkedQueue<Long> paced = new ConcurrentLinkedQueue<>();
				ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
				ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
				ExecutorService pool = Executors.newFixedThreadPool(CLERKS);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<?>> work = new ArrayList<>();
				for (int c = 0; c < CLERKS; c++) {
					String clerk = clerks.get(c);
					List<String> retailers = jdbc.queryForList("SELECT code FROM retailer WHERE route_code = ? AND status = 'ACTIVE' ORDER BY code",
							String.class, routes.get(c));
					Random random = new Random(c);
					Desk desk = Desk.signIn(base, clerk);
					work.add(pool.submit(() -> {
						go.await();
						long begin = System.currentTimeMillis();
						for (int n = 0; n < retailers.size(); n++) {
							String retailer = retailers.get(n);
							if (n < PACED) {
								// first all twenty confirm an order at the same moment, every PACE_MS
								Thread.sleep(Math.max(0, begin + (long) n * PACE_MS - System.currentTimeMillis()));
							}
							LocalDateTime now = LocalDateTime.now(BusinessTime.ZONE);
							StringBuilder lines = new StringBuilder();
							for (int l = 0; l < 3; l++) {
								// the five limited products come up often, so limits are reached and refused
								String product = products.get(random.nextInt(4) == 0 ? random.nextInt(5) : 5 + random.nextInt(products.size() - 5));
								if (lines.indexOf(product) < 0) {
									lines.append(lines.length() == 0 ? "" : ",").append("{\"productCode\":\"%s\",\"cartons\":%d}".formatted(product, 1 + random.nextInt(3)));
								}
							}
							String body = "{\"retailerCode\":\"%s\",\"outcome\":\"CONNECTED\",\"startedAt\":\"%s\",\"endedAt\":\"%s\",\"paymentReminded\":true,\"lines\":[%s]}"
									.formatted(retailer, now.minusMinutes(2), now, lines);
							long start = System.nanoTime();
							int status = desk.post(body);
							(n < PACED ? paced : times).add((System.nanoTime() - start) / 1_000_000);
							statuses.add(status);
						}
						return null;
					}));
				}
				long started = System.nanoTime();
				go.countDown();
				for (Future<?> f : work) {
					f.get();
				}
				long seconds = (System.nanoTime() - started) / 1_000_000;
				pool.shutdown();
				List<Long> sorted = new ArrayList<>(times);
				Collections.sort(sorted);
				List<Long> pacedSorted = new ArrayList<>(paced);
				Collections.sort(pacedSorted);
				Integer exceeded = jdbc.queryForObject("""
						SELECT COUNT(*) FROM (SELECT o.retailer_code, l.product_code, SUM(l.cartons) AS n FROM phone_order o
						  JOIN phone_order_line l ON l.order_id = o.id
						  WHERE o.week_start = ? AND o.clerk LIKE 'bench%' AND l.product_code IN (SELECT product_code FROM allocation_limit WHERE case_number LIKE 'SS-BENCH-%')
						  GROUP BY o.retailer_code, l.product_code) s WHERE s.n > 2""", Integer.class,
						LocalDate.now(BusinessTime.ZONE).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
				// the seat leader's figures over the thirteen weeks of history, page and workbook
				Desk seatLeader = Desk.signIn(base, "seatlead");
				LocalDate to = LocalDate.now(BusinessTime.ZONE);
				String period = "?from=" + to.minusDays(90) + "&to=" + to;
				List<Long> kpiPage = new ArrayList<>();
				List<Long> kpiWorkbook = new ArrayList<>();
				for (int i = 0; i < 7; i++) {
					long start = System.nanoTime();
					seatLeader.get("/orders/kpi" + period);
					kpiPage.add((System.nanoTime() - start) / 1_000_000);
					start = System.nanoTime();
					seatLeader.get("/orders/kpi.xlsx" + period);
					kpiWorkbook.add((System.nanoTime() - start) / 1_000_000);
				}
				Collections.sort(kpiPage);
				Collections.sort(kpiWorkbook);
				System.out.printf("%n| measure | figure |%n|---|---|%n");
				System.out.printf("| history: %d calls, %d order lines |%n", jdbc.queryForObject("SELECT COUNT(*) FROM phone_order", Long.class),
						jdbc.queryForObject("SELECT COUNT(*) FROM phone_order_line", Long.class));
				System.out.printf("| /orders/kpi over 13 weeks (%s), p50 / max of 7 | %d / %d ms |%n", period, kpiPage.get(3), kpiPage.get(6));
				System.out.printf("| /orders/kpi.xlsx over 13 weeks, p50 / max of 7 | %d / %d ms |%n", kpiWorkbook.get(3), kpiWorkbook.get(6));
				System.out.printf("| making the call lists of %s (%d clerks, %d retailers) | %d ms |%n", next, listsMade, entriesMade, makeMs);
				System.out.printf("| call list of clerk1 (%s retailers), p50 / max | %d / %d ms |%n",
						jdbc.queryForObject("SELECT COUNT(*) FROM retailer t JOIN route r ON r.code = t.route_code WHERE r.clerk = 'clerk1' AND r.order_weekday = ?",
								Integer.class, today), listTimes.get(listTimes.size() / 2), listTimes.get(listTimes.size() - 1));
				System.out.printf("| POST /api/orders from the desk (session), %d clerks confirming at the same moment, every %d ms (%d orders) | p50 %d ms, p95 %d ms, max %d ms |%n",
						CLERKS, PACE_MS, pacedSorted.size(), pacedSorted.get(pacedSorted.size() / 2), pacedSorted.get(pacedSorted.size() * 95 / 100),
						pacedSorted.get(pacedSorted.size() - 1));
				System.out.printf("| POST /api/orders, then %d clerks without a pause (%d orders; all in %d ms) | p50 %d ms, p95 %d ms, max %d ms |%n", CLERKS,
						sorted.size(), seconds, sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 95 / 100), sorted.get(sorted.size() - 1));
				System.out.printf("| answers | %d confirmed (201), %d refused (422), %d other |%n", statuses.stream().filter(s -> s == 201).count(),
						statuses.stream().filter(s -> s == 422).count(), statuses.stream().filter(s -> s != 201 && s != 422).count());
				System.out.printf("| limits exceeded | %d |%n", exceeded);
				System.out.printf("| one request at a time: an unknown address with HTTP Basic p50 %.1f ms; an order of three lines from the desk's session p50 %.1f ms |%n",
						authOnly.get(authOnly.size() / 2) / 1000.0, alone.get(alone.size() / 2) / 1000.0);
			}
		}
	}

	/** A clerk signed in as the order desk page is: the session cookie and the page's CSRF token. */
	private record Desk(HttpClient http, String base, String csrfHeader, String csrfToken) {

		private static final java.util.regex.Pattern FORM_TOKEN = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
		private static final java.util.regex.Pattern META = java.util.regex.Pattern.compile("name=\"csrf-(token|header)\" content=\"([^\"]+)\"");

		static Desk signIn(String base, String user) throws Exception {
			HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
			String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
			java.util.regex.Matcher token = FORM_TOKEN.matcher(login);
			token.find();
			http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
							+ java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
			String page = http.send(HttpRequest.newBuilder(URI.create(base + "/orders/desk")).build(), HttpResponse.BodyHandlers.ofString()).body();
			java.util.regex.Matcher meta = META.matcher(page);
			String csrf = null;
			String header = null;
			while (meta.find()) {
				if (meta.group(1).equals("token")) {
					csrf = meta.group(2);
				}
				else {
					header = meta.group(2);
				}
			}
			return new Desk(http, base, header, csrf);
		}

		int get(String path) throws Exception {
			int status = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
			if (status != 200) {
				throw new IllegalStateException(path + " answered " + status);
			}
			return status;
		}

		int post(String body) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders")).header(csrfHeader, csrfToken)
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode();
		}
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static int send(HttpClient http, HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}
}
