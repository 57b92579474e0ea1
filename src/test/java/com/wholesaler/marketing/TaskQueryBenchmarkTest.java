package com.wholesaler.marketing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.identity.DemoUser;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.identity.TasklistFilters;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Tasklist's task query (the engine's, as {@code GET /engine-rest/task} runs it) on PostgreSQL before
 * and after the planner aids (operations.TaskQueryPlannerAids and the postgres profile's connection
 * settings): two nodes on the same database, one with the profile's connection set-up, one with
 * PostgreSQL's defaults and the aids on the tables removed, both asked for a 15-task page as
 * {@code brandhead} at 5,000 and 20,000 open tasks of the planning head's group. Prints the median
 * and the slowest run.
 * Run with {@code mvn -Pbenchmark test -Dtest=TaskQueryBenchmarkTest#tasklistsQueryBeforeAndAfter [-DopenTasks=5000,20000]}.
 * <p>
 * {@link #filterCountsAsEachRole()} measures the count Tasklist asks for beside the selected filter
 * on every refresh, {@code GET /engine-rest/filter/{id}/count}, over HTTP as each role's demo user:
 * {@code mvn -Pbenchmark test -Dtest=TaskQueryBenchmarkTest#filterCountsAsEachRole [-DopenTasks=5000,20000,50000]}.
 */
@Tag("benchmark")
class TaskQueryBenchmarkTest {

	@Test
	void tasklistsQueryBeforeAndAfter() throws Exception {
		List<Integer> levels = List.of(System.getProperty("openTasks", "5000,20000").split(",")).stream().map(String::trim)
				.map(Integer::valueOf).toList();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new org.springframework.jdbc.core.JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE tasks");
			List<String> database = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres",
					"tasks"), "--spring.datasource.username=postgres", "--spring.datasource.password=", "--marketing.demo-data=true");
			List<String> defaults = new ArrayList<>(database);
			defaults.add("--spring.datasource.hikari.connection-init-sql=SELECT 1");
			try (ConfigurableApplicationContext after = StandaloneApp.start("taskQueryAfter", database);
					ConfigurableApplicationContext before = StandaloneApp.start("taskQueryBefore", defaults)) {
				ProcessEngine engine = after.getBean(ProcessEngine.class);
				org.springframework.jdbc.core.JdbcTemplate jdbc = after.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
				StringBuilder table = new StringBuilder("| open tasks | planner aids | p50 (ms) | max (ms) |\n|---|---|---|---|\n");
				int open = 0;
				for (int level : levels) {
					for (; open < level; open++) {
						engine.getRuntimeService().startProcessInstanceByKey("sampleReview", "BENCH-" + open);
					}
					int runs = level <= 5_000 ? 10 : 5;
					after.getBean(com.wholesaler.marketing.operations.TaskQueryPlannerAids.class).afterPropertiesSet();
					jdbc.execute("ANALYZE");
					List<Long> withAids = page(engine, runs);
					jdbc.execute("ALTER TABLE act_ru_task RESET (parallel_workers)");
					jdbc.execute("DROP STATISTICS marketing_authorization_perms");
					jdbc.execute("ANALYZE");
					// without the aids a page can take seconds from 5,000 tasks on: fewer runs there
					List<Long> without = page(before.getBean(ProcessEngine.class), level <= 5_000 ? runs : 3);
					table.append("| %,d | none (PostgreSQL's defaults, before) | %d | %d |%n".formatted(level, without.get(without.size() / 2),
							without.get(without.size() - 1)));
					table.append("| %,d | all (after) | %d | %d |%n".formatted(level, withAids.get(withAids.size() / 2),
							withAids.get(withAids.size() - 1)));
				}
				System.out.println();
				System.out.println(table);
			}
		}
	}

	/**
	 * The three filters' counts as a user of each business role, at each level of open tasks spread
	 * over the roles' groups (one in ten claimed by the role's user, half at a decision step), on the
	 * postgres profile. Prints p50 and p95 of 20 calls after two warm-ups, per level, filter and role.
	 */
	@Test
	void filterCountsAsEachRole() throws Exception {
		List<Integer> levels = List.of(System.getProperty("openTasks", "5000,20000,50000").split(",")).stream().map(String::trim)
				.map(Integer::valueOf).toList();
		List<DemoUser> users = DemoUser.ALL.stream()
				.filter(u -> Role.ofGroupId(u.groupId()).filter(r -> r != Role.PROCESS_OWNER).isPresent())
				.collect(java.util.stream.Collectors.toMap(DemoUser::groupId, u -> u, (a, b) -> a, java.util.LinkedHashMap::new))
				.values().stream().toList();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
			admin.execute("CREATE DATABASE counts");
			try (ConfigurableApplicationContext app = StandaloneApp.start("default", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "counts"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true"))) {
				ProcessEngine engine = app.getBean(ProcessEngine.class);
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				app.getBean(TasklistFilters.class).refresh();
				String template = engine.getRuntimeService().startProcessInstanceByKey("sampleReview", "COUNT-0").getId();
				String templateTask = engine.getTaskService().createTaskQuery().processInstanceId(template).singleResult().getId();
				String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest";
				HttpClient http = HttpClient.newHttpClient();
				StringBuilder table = new StringBuilder("| open tasks | filter | role | count | p50 (ms) | p95 (ms) |\n|---|---|---|---|---|---|\n");
				int open = 1;
				for (int level : levels) {
					spread(jdbc, templateTask, open, level - 1, users);
					open = level;
					jdbc.execute("ANALYZE");
					// steady state: every count asked a few times first, so the first roles measured do not pay for the JIT
					for (DemoUser user : users) {
						for (JsonNode filter : new ObjectMapper().readTree(get(http, base + "/filter?resourceType=Task", user))) {
							for (int i = 0; i < 5; i++) {
								get(http, base + "/filter/" + filter.get("id").asText() + "/count", user);
							}
						}
					}
					for (DemoUser user : users) {
						JsonNode filters = new ObjectMapper().readTree(get(http, base + "/filter?resourceType=Task&sortBy=name&sortOrder=asc", user));
						for (JsonNode filter : filters) {
							String url = base + "/filter/" + filter.get("id").asText() + "/count";
							List<Long> times = new ArrayList<>();
							String count = "";
							for (int i = 0; i < 22; i++) {
								long start = System.nanoTime();
								count = new ObjectMapper().readTree(get(http, url, user)).get("count").asText();
								if (i >= 2) {
									times.add((System.nanoTime() - start) / 1_000_000);
								}
							}
							Collections.sort(times);
							table.append("| %,d | %s | %s | %s | %d | %d |%n".formatted(level, filter.get("name").asText(), user.groupId(), count,
									times.get(times.size() / 2), times.get(times.size() * 95 / 100 - 1)));
						}
					}
				}
				System.out.println();
				System.out.println(table);
			}
		}
	}

	/**
	 * The director's desk (#14: under 500 ms at 20,000 open tasks) over HTTP with the director's portal
	 * session, at each level of open tasks: p50 and p95 of 20 page loads after 2 warm-ups.
	 */
	@Test
	void directorsDesk() throws Exception {
		List<Integer> levels = List.of(System.getProperty("openTasks", "5000,20000").split(",")).stream().map(String::trim)
				.map(Integer::valueOf).toList();
		List<DemoUser> users = DemoUser.ALL.stream()
				.filter(u -> Role.ofGroupId(u.groupId()).filter(r -> r != Role.PROCESS_OWNER).isPresent())
				.collect(java.util.stream.Collectors.toMap(DemoUser::groupId, u -> u, (a, b) -> a, java.util.LinkedHashMap::new))
				.values().stream().toList();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE desk");
			try (ConfigurableApplicationContext app = StandaloneApp.start("default", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "desk"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true"))) {
				ProcessEngine engine = app.getBean(ProcessEngine.class);
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				String template = engine.getRuntimeService().startProcessInstanceByKey("sampleReview", "DESK-0").getId();
				String templateTask = engine.getTaskService().createTaskQuery().processInstanceId(template).singleResult().getId();
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				PortalSession director = PortalSession.signIn(port, "director", "demo");
				StringBuilder table = new StringBuilder("| open tasks | /desk p50 (ms) | p95 (ms) |\n|---|---|---|\n");
				int open = 1;
				for (int level : levels) {
					spread(jdbc, templateTask, open, level - 1, users);
					open = level;
					jdbc.execute("ANALYZE");
					List<Long> times = new ArrayList<>();
					for (int i = 0; i < 22; i++) {
						long start = System.nanoTime();
						java.net.http.HttpResponse<String> page = director.get("/desk");
						if (page.statusCode() != 200 || !page.body().contains("主任工作台")) {
							throw new AssertionError("/desk: " + page.statusCode());
						}
						if (i >= 2) {
							times.add((System.nanoTime() - start) / 1_000_000);
						}
					}
					Collections.sort(times);
					table.append("| %,d | %d | %d |%n".formatted(level, times.get(times.size() / 2), times.get(times.size() * 95 / 100 - 1)));
				}
				System.out.println();
				System.out.println(table);
			}
		}
	}

	/**
	 * Copies the template task {@code from..to} times, as if that many instances waited: task, candidate
	 * link and the engine's grant on it rotate over the roles' groups; every tenth is claimed by the
	 * role's user; every other waits at a step that is no decision.
	 */
	static void spread(JdbcTemplate jdbc, String task, int from, int to, List<DemoUser> users) {
		String groups = users.stream().map(u -> "'" + u.groupId() + "'").collect(java.util.stream.Collectors.joining(",", "ARRAY[", "]"));
		String people = users.stream().map(u -> "'" + u.id() + "'").collect(java.util.stream.Collectors.joining(",", "ARRAY[", "]"));
		int k = users.size();
		jdbc.update("""
				INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, priority_,
				                         create_time_, suspension_state_, tenant_id_, last_updated_, task_state_, assignee_)
				SELECT t.id_ || '-' || n, t.rev_, t.execution_id_, t.proc_inst_id_, t.proc_def_id_, t.name_,
				       CASE WHEN mod(n, 2) = 0 THEN t.task_def_key_ ELSE 'Task_CheckSample' END, t.priority_,
				       t.create_time_ - n * INTERVAL '1 minute', t.suspension_state_, t.tenant_id_, t.last_updated_, t.task_state_,
				       CASE WHEN mod(n, 10) = 0 THEN (%s)[mod(n, %d) + 1] END
				FROM act_ru_task t CROSS JOIN generate_series(?, ?) n WHERE t.id_ = ?""".formatted(people, k),
				from, to, task);
		jdbc.update("""
				INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_, tenant_id_)
				SELECT i.id_ || '-' || n, i.rev_, (%s)[mod(n, %d) + 1], i.type_, i.user_id_, i.task_id_ || '-' || n, i.proc_def_id_, i.tenant_id_
				FROM act_ru_identitylink i CROSS JOIN generate_series(?, ?) n WHERE i.task_id_ = ?""".formatted(groups, k),
				from, to, task);
		jdbc.update("""
				INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_,
				                                  removal_time_, root_proc_inst_id_)
				SELECT a.id_ || '-' || n, a.rev_, a.type_, (%s)[mod(n, %d) + 1], a.user_id_, a.resource_type_, a.resource_id_ || '-' || n, a.perms_,
				       a.removal_time_, a.root_proc_inst_id_
				FROM act_ru_authorization a CROSS JOIN generate_series(?, ?) n
				WHERE a.resource_type_ = 7 AND a.resource_id_ = ? AND a.group_id_ IS NOT NULL""".formatted(groups, k),
				from, to, task);
	}

	private static String get(HttpClient http, String url, DemoUser user) throws Exception {
		String credentials = java.util.Base64.getEncoder().encodeToString((user.id() + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credentials).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new AssertionError(url + " as " + user.id() + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/** Runs after two warm-up runs, sorted. */
	private static List<Long> page(ProcessEngine engine, int runs) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < runs + 2; i++) {
			long start = System.nanoTime();
			int size = ActingUsers.as(engine.getIdentityService(), "brandhead", List.of("brandPlanningHead"),
					() -> engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 15)).size();
			if (size != 15) {
				throw new AssertionError("expected a full page, got " + size);
			}
			if (i >= 2) {
				times.add((System.nanoTime() - start) / 1_000_000);
			}
		}
		Collections.sort(times);
		return times;
	}
}
