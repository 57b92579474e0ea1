package com.wholesaler.marketing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Tasklist's task query (the engine's, as {@code GET /engine-rest/task} runs it) on PostgreSQL before
 * and after the planner aids (operations.TaskQueryPlannerAids and the postgres profile's connection
 * settings): two nodes on the same database, one with the profile's connection set-up, one with
 * PostgreSQL's defaults and the aids on the tables removed, both asked for a 15-task page as
 * {@code brandhead} at 5,000 and 20,000 open tasks of the planning head's group. Prints the median
 * and the slowest run.
 * Run with {@code mvn -Pbenchmark test -Dtest=TaskQueryBenchmarkTest [-DopenTasks=5000,20000]}.
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
