package com.wholesaler.marketing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.operations.AuthorizationStatistics;
import com.wholesaler.marketing.web.MyWork;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The engine's task query (the one Tasklist and {@code GET /engine-rest/task} run) for a group
 * member with authorization on, on PostgreSQL, without and with the statistics on the permission
 * bits (operations.AuthorizationStatistics). Prints p50 and p95 of a 15-task page.
 * Run with {@code mvn -Pbenchmark test -Dtest=TaskQueryBenchmarkTest [-Dtasks=20000]}.
 */
@Tag("benchmark")
class TaskQueryBenchmarkTest {

	@Test
	void taskPageForAGroupMember() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE tasks");
			try (ConfigurableApplicationContext app = StandaloneApp.start("taskQueryBenchmark", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "tasks"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true"))) {
				ProcessEngine engine = app.getBean(ProcessEngine.class);
				RuntimeService runtime = engine.getRuntimeService();
				TaskService tasks = engine.getTaskService();
				IdentityService identity = engine.getIdentityService();
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				System.out.println();
				System.out.println("| open tasks | query | statistics | p50 (ms) | p95 (ms) |");
				System.out.println("|---|---|---|---|---|");
				int target = Integer.getInteger("tasks", 5_000);
				for (int open = 0; open < target; open++) {
					runtime.startProcessInstanceByKey("sampleReview", "BENCH-" + open);
				}
				// the engine's query takes seconds from 5,000 tasks on: measured there only
				for (boolean statistics : target <= 5_000 ? new boolean[] {false, true} : new boolean[] {true}) {
					jdbc.execute(statistics ? AuthorizationStatistics.CREATE : "DROP STATISTICS IF EXISTS marketing_authorization_perms");
					jdbc.execute("ANALYZE");
					if (target <= 5_000) {
						for (boolean groupFilter : new boolean[] {false, true}) {
							report(target, groupFilter ? "my groups (Tasklist 我的小組)" : "all visible (GET /engine-rest/task)",
									statistics ? "with" : "without", measure(tasks, identity, groupFilter, 5));
						}
					}
					MyWork portal = app.getBean(MyWork.class);
					List<Long> times = new ArrayList<>();
					for (int i = 0; i < 32; i++) {
						long start = System.nanoTime();
						long total = portal.of("brandhead", List.of("brandPlanningHead")).total();
						if (total < target) {
							throw new AssertionError("the portal shows " + total + " of " + target + " tasks");
						}
						if (i >= 2) {
							times.add((System.nanoTime() - start) / 1_000_000);
						}
					}
					Collections.sort(times);
					report(target, "portal's own (home page: counts per process and newest 20)", statistics ? "with" : "without", times);
				}
				System.out.println();
			}
		}
	}

	private static List<Long> measure(TaskService tasks, IdentityService identity, boolean groupFilter, int runs) {
		List<Long> times = new ArrayList<>();
		identity.setAuthentication("brandhead", List.of("brandPlanningHead"));
		try {
			for (int i = 0; i < runs + 2; i++) {
				long start = System.nanoTime();
				org.camunda.bpm.engine.task.TaskQuery query = tasks.createTaskQuery();
				if (groupFilter) {
					query.taskCandidateGroupIn(List.of("brandPlanningHead")).includeAssignedTasks();
				}
				int size = query.orderByTaskCreateTime().desc().listPage(0, 15).size();
				if (size != 15) {
					throw new AssertionError("expected a full page, got " + size);
				}
				if (i >= 2) {
					times.add((System.nanoTime() - start) / 1_000_000);
				}
			}
		}
		finally {
			identity.clearAuthentication();
		}
		Collections.sort(times);
		return times;
	}

	private static void report(int open, String query, String statistics, List<Long> sorted) {
		System.out.printf("| %,d | %s | %s | %d | %d |%n", open, query, statistics, sorted.get(sorted.size() / 2),
				sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)));
	}
}
