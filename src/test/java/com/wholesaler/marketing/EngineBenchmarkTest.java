package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The engine benchmark of issue 8, on H2 (a file, as in the embedded mode) and on PostgreSQL 14
 * (embedded binaries), each with one node and with two nodes sharing the database:
 * <ul>
 * <li>each of the four processes end to end (started and every user task completed through the Java
 * API as the demo user of its group, delegates, listeners, rules and timers real) against a reference
 * process with the same number of user tasks and nothing else, in instances per second, and the ratio;
 * the cases interleave round by round (and swap order every round) so machine noise falls on both;</li>
 * <li>SQL statements and commits per completed instance, counted by a datasource-proxy in front of
 * each node's data source: these do not depend on the machine;</li>
 * <li>task-list latency for a member of a group with authorization on, at 5,000, 20,000 and 50,000
 * open tasks: the engine's query through the REST API (what Tasklist runs) and the portal's home page,
 * asked of one node, and of two nodes at once (one client each);</li>
 * <li>where one walk of a process sends its round trips, step by step and statement by statement
 * ({@code #whereTheRoundTripsGo}, {@code -Dprocess=... -DdetailStep=...}).</li>
 * </ul>
 * {@code mvn -Pbenchmark test -Dtest=EngineBenchmarkTest} (both parts, about a quarter of an hour);
 * {@code -Dtest=EngineBenchmarkTest#processesAgainstTheirReferences} or {@code #taskListLatency} for one;
 * {@code -Drounds=3 -DperRound=6 -DopenTasks=5000,20000,50000 -Ddatabases=H2,PostgreSQL} are the defaults.
 * The tables are printed and written to {@code target/engine-benchmark/}.
 */
@Tag("benchmark")
class EngineBenchmarkTest {

	static final int ROUNDS = Integer.getInteger("rounds", 3);
	static final int PER_ROUND = Integer.getInteger("perRound", 6);
	static final List<Integer> OPEN_TASKS = List.of(System.getProperty("openTasks", "5000,20000,50000").split(",")).stream()
			.map(String::trim).map(Integer::valueOf).toList();

	static final List<String> DATABASES = List.of(System.getProperty("databases", "H2,PostgreSQL").split(","));

	private static final Path OUT = Path.of("target", "engine-benchmark");

	// --- processes against their references ------------------------------------------------------

	/** Instances driven to their end, the time they took and the SQL they sent. */
	static final class Measured {
		private long nanos;
		private int instances;
		private SqlRecorder.Counts sql = SqlRecorder.Counts.NONE;

		void add(long nanos, int instances, SqlRecorder.Counts sql) {
			this.nanos += nanos;
			this.instances += instances;
			this.sql = this.sql.plus(sql);
		}

		double perSecond() {
			return instances / (nanos / 1e9);
		}

		double perInstance(java.util.function.ToLongFunction<SqlRecorder.Counts> count) {
			return count.applyAsLong(sql) / (double) instances;
		}
	}

	record Case(String database, int nodes, String process, int userTasks, Measured ours, Measured reference) {

		double ratio() {
			return reference.perSecond() / ours.perSecond();
		}
	}

	@Test
	void processesAgainstTheirReferences() throws Exception {
		List<Case> cases = new ArrayList<>();
		if (DATABASES.contains("H2")) {
			Path h2 = Files.createDirectories(OUT.resolve("h2-" + System.currentTimeMillis())).toAbsolutePath();
			compare("H2", h2Arguments(h2), cases);
		}
		if (DATABASES.contains("PostgreSQL")) {
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
				new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE engine");
				compare("PostgreSQL", postgresArguments(postgres, "engine"), cases);
			}
		}
		StringBuilder table = new StringBuilder();
		table.append("| database | nodes | process | user tasks | instances | ours (inst/s) | reference (inst/s) | ours ÷ reference (time) "
				+ "| SQL statements per instance, ours / reference | ours on domain tables | round trips | commits |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Case c : cases) {
			Measured o = c.ours();
			Measured r = c.reference();
			table.append("| %s | %d | %s | %d | %d | %.1f | %.1f | %.2f | %.0f / %.0f | %.0f | %.0f / %.0f | %.0f / %.0f |%n".formatted(
					c.database(), c.nodes(), c.process(), c.userTasks(), o.instances, o.perSecond(), r.perSecond(), c.ratio(),
					o.perInstance(SqlRecorder.Counts::statements), r.perInstance(SqlRecorder.Counts::statements),
					o.perInstance(SqlRecorder.Counts::domainStatements), o.perInstance(SqlRecorder.Counts::roundTrips),
					r.perInstance(SqlRecorder.Counts::roundTrips), o.perInstance(SqlRecorder.Counts::commits),
					r.perInstance(SqlRecorder.Counts::commits)));
		}
		report("processes.md", table.toString());
		assertThat(cases).hasSize(8 * DATABASES.size());
	}

	private void compare(String database, List<String> databaseArguments, List<Case> cases) throws Exception {
		SqlRecorder firstSql = new SqlRecorder();
		try (ConfigurableApplicationContext first = StandaloneApp.start("engineBenchmark1", arguments(databaseArguments), firstSql)) {
			ProcessWalker firstWalker = new ProcessWalker(first);
			// one of each first: warms the engine's caches and tells how many user tasks each path has
			Map<String, Integer> userTasks = new LinkedHashMap<>();
			firstWalker.starters().forEach((process, start) -> userTasks.put(process, firstWalker.walk(start.get())));
			userTasks.values().forEach(n -> firstWalker.walk(firstWalker.referenceStarter(n).get()));
			cases.addAll(interleaved(database, List.of(firstWalker), List.of(firstSql), userTasks));

			SqlRecorder secondSql = new SqlRecorder();
			try (ConfigurableApplicationContext second = StandaloneApp.start("engineBenchmark2", arguments(databaseArguments), secondSql)) {
				ProcessWalker secondWalker = new ProcessWalker(second);
				secondWalker.starters().forEach((process, start) -> secondWalker.walk(start.get()));
				cases.addAll(interleaved(database, List.of(firstWalker, secondWalker), List.of(firstSql, secondSql), userTasks));
			}
		}
	}

	/** H2 in a file, as in the embedded mode. */
	private static List<String> h2Arguments(Path directory) {
		return List.of("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("marketing") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
	}

	private static List<String> postgresArguments(EmbeddedPostgres postgres, String database) {
		return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=");
	}

	private static List<String> arguments(List<String> databaseArguments) {
		List<String> arguments = new ArrayList<>(databaseArguments);
		arguments.addAll(List.of("--marketing.demo-data=true", "--marketing.metrics.refresh=PT24H",
				"--marketing.models.locations=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form"));
		return arguments;
	}

	/** Rounds of: each process, ours and its reference (the order swapped every round), on every node at once. */
	private List<Case> interleaved(String database, List<ProcessWalker> nodes, List<SqlRecorder> sql, Map<String, Integer> userTasks)
			throws Exception {
		Map<String, Measured> ours = new LinkedHashMap<>();
		Map<String, Measured> reference = new LinkedHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			for (String process : userTasks.keySet()) {
				List<Supplier<String>> oursStarters = nodes.stream().map(w -> w.starters().get(process)).toList();
				List<Supplier<String>> referenceStarters = nodes.stream().map(w -> w.referenceStarter(userTasks.get(process))).toList();
				boolean referenceFirst = round % 2 == 1;
				for (boolean isReference : referenceFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
					SqlRecorder.Counts before = SqlRecorder.sum(sql);
					long start = System.nanoTime();
					int instances = drive(nodes, isReference ? referenceStarters : oursStarters);
					long nanos = System.nanoTime() - start;
					(isReference ? reference : ours).computeIfAbsent(process, p -> new Measured())
							.add(nanos, instances, SqlRecorder.sum(sql).minus(before));
				}
			}
		}
		List<Case> cases = new ArrayList<>();
		for (String process : userTasks.keySet()) {
			cases.add(new Case(database, nodes.size(), process, userTasks.get(process), ours.get(process), reference.get(process)));
		}
		return cases;
	}

	/** {@value #PER_ROUND} instances started and walked to their end, shared among the nodes, each node in its own thread. */
	private static int drive(List<ProcessWalker> nodes, List<Supplier<String>> starters) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int n = 0; n < nodes.size(); n++) {
				ProcessWalker walker = nodes.get(n);
				Supplier<String> starter = starters.get(n);
				int share = PER_ROUND / nodes.size();
				done.add(threads.submit(() -> {
					for (int i = 0; i < share; i++) {
						walker.walk(starter.get());
					}
					return share;
				}));
			}
			int instances = 0;
			for (Future<Integer> f : done) {
				instances += f.get();
			}
			return instances;
		}
		finally {
			threads.shutdown();
		}
	}

	// --- where one walk's round trips go ---------------------------------------------------------

	/**
	 * One walk of a process ({@code -Dprocess=purchasePlanApproval} by default) after a warm-up, on H2
	 * in a file: its round trips grouped by statement, most frequent first, beside the reference's total.
	 */
	@Test
	void whereTheRoundTripsGo() throws Exception {
		String process = System.getProperty("process", "purchasePlanApproval");
		String detailStep = System.getProperty("detailStep");
		Path h2 = Files.createDirectories(OUT.resolve("h2-trips-" + System.currentTimeMillis())).toAbsolutePath();
		SqlRecorder sql = new SqlRecorder(statement -> true);
		try (ConfigurableApplicationContext app = StandaloneApp.start("roundTrips", arguments(h2Arguments(h2)), sql)) {
			ProcessWalker walker = new ProcessWalker(app);
			Supplier<String> starter = walker.starters().get(process);
			int userTasks = walker.walk(starter.get());
			walker.walk(walker.referenceStarter(userTasks).get());
			long referenceBefore = sql.roundTrips();
			walker.walk(walker.referenceStarter(userTasks).get());
			long reference = sql.roundTrips() - referenceBefore;

			int from = sql.kept().size();
			long before = sql.roundTrips();
			StringBuilder steps = new StringBuilder("| step | round trips |\n|---|---|\n");
			String instance = starter.get();
			long mark = before;
			// the queries the walker makes to find its next step are counted too, as in the benchmark
			while (walker.running(instance)) {
				int stepFrom = sql.kept().size();
				String step = walker.step(instance);
				steps.append("| %s | %d |%n".formatted(step == null ? "timer" : step, sql.roundTrips() - mark));
				if (step != null && step.equals(detailStep)) {
					sql.kept().subList(stepFrom, sql.kept().size()).forEach(s -> steps.append("    ").append(shortened(s.sql(), 160)).append('\n'));
				}
				mark = sql.roundTrips();
			}
			long ours = sql.roundTrips() - before;

			Map<String, Integer> byStatement = new LinkedHashMap<>();
			sql.kept().subList(from, sql.kept().size()).forEach(s -> byStatement.merge(shortened(s.sql(), 140), 1, Integer::sum));
			StringBuilder table = new StringBuilder("%s: %d round trips; reference of %d user tasks: %d%n%n".formatted(process, ours, userTasks,
					reference));
			table.append("Each step with the start or the step before it:%n%n%s%n| statements | SQL |%n|---|---|%n".formatted(steps));
			byStatement.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
					.forEach(e -> table.append("| %d | `%s` |%n".formatted(e.getValue(), e.getKey().replace("|", "\\|"))));
			report("round-trips-" + process + ".md", table.toString());
		}
	}

	/** A statement on one line, cut to a length that still tells it apart. */
	private static String shortened(String sql, int length) {
		String line = sql.replaceAll("\\s+", " ").strip();
		return line.length() > length ? line.substring(0, length) : line;
	}

	// --- task-list latency -------------------------------------------------------------------------

	@Test
	void taskListLatency() throws Exception {
		StringBuilder table = new StringBuilder();
		table.append("| database | open tasks | nodes | query | p50 (ms) | p95 (ms) |\n|---|---|---|---|---|---|\n");
		if (DATABASES.contains("H2")) {
			Path h2 = Files.createDirectories(OUT.resolve("h2-tasks-" + System.currentTimeMillis())).toAbsolutePath();
			latency("H2", h2Arguments(h2), table);
		}
		if (DATABASES.contains("PostgreSQL")) {
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
				new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE tasks");
				latency("PostgreSQL", postgresArguments(postgres, "tasks"), table);
			}
		}
		report("task-list.md", table.toString());
	}

	/** A node serving requests: its address, its engine's name in the REST path, a signed-in portal session. */
	private record WebNode(String base, String engineName, HttpClient portal) {
	}

	private void latency(String database, List<String> databaseArguments, StringBuilder table) throws Exception {
		List<String> arguments = new ArrayList<>(databaseArguments);
		arguments.addAll(List.of("--marketing.demo-data=true", "--marketing.metrics.refresh=PT24H"));
		try (ConfigurableApplicationContext first = StandaloneApp.start("taskListBenchmark1", arguments);
				ConfigurableApplicationContext second = StandaloneApp.start("taskListBenchmark2", arguments)) {
			List<WebNode> nodes = new ArrayList<>();
			for (ConfigurableApplicationContext app : List.of(first, second)) {
				String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
				nodes.add(new WebNode(base, app.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName(), signedIn(base, "brandhead")));
			}
			RuntimeService runtime = first.getBean(org.camunda.bpm.engine.ProcessEngine.class).getRuntimeService();
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			int open = 0;
			for (int target : OPEN_TASKS) {
				open = openTasks(runtime, open, target);
				if ("PostgreSQL".equals(database)) {
					jdbc.execute("ANALYZE");
				}
				for (String query : List.of(ALL_VISIBLE, MY_GROUPS, PORTAL)) {
					for (int n = 1; n <= nodes.size(); n++) {
						List<Long> times = measure(nodes.subList(0, n), query);
						table.append("| %s | %,d | %d | %s | %d | %d |%n".formatted(database, target, n, query, times.get(times.size() / 2),
								times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1))));
					}
				}
				System.out.print(table);
			}
		}
	}

	private static final String ALL_VISIBLE = "REST `GET /task`, all visible (Tasklist's 全部)";
	private static final String MY_GROUPS = "REST `GET /task`, my groups (Tasklist's 我的小組)";
	private static final String PORTAL = "portal home page (`/`, counts per process and newest 20)";

	/** The query asked of every node at once, each by its own client; the times of all, sorted, warm-up runs left out. */
	private static List<Long> measure(List<WebNode> nodes, String query) throws Exception {
		int runs = Integer.getInteger("latencyRuns", 20);
		String basic = "Basic " + Base64.getEncoder().encodeToString("brandhead:demo".getBytes(StandardCharsets.UTF_8));
		ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
		try {
			List<Future<List<Long>>> done = new ArrayList<>();
			for (WebNode node : nodes) {
				done.add(threads.submit(() -> {
					String rest = node.base() + "/engine-rest/engine/" + node.engineName()
							+ "/task?sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
					HttpRequest request = switch (query) {
						case ALL_VISIBLE -> HttpRequest.newBuilder(URI.create(rest)).header("Authorization", basic).build();
						case MY_GROUPS -> HttpRequest.newBuilder(URI.create(rest + "&candidateGroups=brandPlanningHead&includeAssignedTasks=true"))
								.header("Authorization", basic).build();
						default -> HttpRequest.newBuilder(URI.create(node.base() + "/")).build();
					};
					HttpClient client = PORTAL.equals(query) ? node.portal() : HttpClient.newHttpClient();
					List<Long> times = new ArrayList<>();
					for (int i = 0; i < runs + 2; i++) {
						long start = System.nanoTime();
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						long millis = (System.nanoTime() - start) / 1_000_000;
						assertThat(response.statusCode()).as(query).isEqualTo(200);
						assertThat(response.body()).as(query).doesNotContain("name=\"password\"");
						if (i >= 2) {
							times.add(millis);
						}
					}
					return times;
				}));
			}
			List<Long> times = new ArrayList<>();
			for (Future<List<Long>> f : done) {
				times.addAll(f.get());
			}
			Collections.sort(times);
			return times;
		}
		finally {
			threads.shutdown();
		}
	}

	/** Open tasks of the planning head's group: instances of the sample review, started from two threads. */
	private static int openTasks(RuntimeService runtime, int open, int target) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				int from = open + t;
				done.add(threads.submit(() -> {
					for (int i = from; i < target; i += 2) {
						runtime.startProcessInstanceByKey("sampleReview", "BENCH-" + i);
					}
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
			return target;
		}
		finally {
			threads.shutdown();
		}
	}

	/** A browser-like session: the login form with its CSRF token, then the session cookie. */
	private static HttpClient signedIn(String base, String user) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
				.connectTimeout(Duration.ofSeconds(5)).build();
		String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		String body = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.body()).as("signed in").doesNotContain("name=\"password\"");
		return client;
	}

	private static void report(String file, String table) throws Exception {
		String text = "Machine: %d cores, %d MiB heap max, Java %s; %s; rounds %d × %d instances per case%n%n%s".formatted(
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1_048_576, System.getProperty("java.version"),
				LocalDate.now(), ROUNDS, PER_ROUND, table);
		Files.createDirectories(OUT);
		Files.writeString(OUT.resolve(file), text);
		System.out.println();
		System.out.println(text);
	}
}
