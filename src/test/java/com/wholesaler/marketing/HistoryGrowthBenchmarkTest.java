package com.wholesaler.marketing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * History written per completed instance of each process on PostgreSQL (docs/operations.md):
 * {@value #RUNS} instances of each walked end to end through the Java API as the demo users, then the
 * bytes of every history row (and history byte array) they left, by pg_column_size.
 * Run with {@code mvn -Pbenchmark test -Dtest=HistoryGrowthBenchmarkTest}.
 */
@Tag("benchmark")
class HistoryGrowthBenchmarkTest {

	static final int RUNS = 20;

	@Test
	void historyPerCompletedInstanceOnPostgres() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE growth");
			try (ConfigurableApplicationContext app = StandaloneApp.start("growthBenchmark", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "growth"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true",
					"--marketing.models.locations=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form"))) {
				ProcessWalker walker = new ProcessWalker(app);
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				Map<String, Supplier<String>> starters = walker.starters();

				List<String> historyTables = jdbc.queryForList("""
						SELECT c.table_name FROM information_schema.columns c
						WHERE c.table_name LIKE 'act_hi_%' AND c.column_name = 'root_proc_inst_id_'""", String.class);
				System.out.println();
				System.out.println("| process | instances | history rows per instance | history KB per instance |");
				System.out.println("|---|---|---|---|");
				for (Map.Entry<String, Supplier<String>> process : starters.entrySet()) {
					List<String> ids = new ArrayList<>();
					for (int i = 0; i < RUNS; i++) {
						String id = process.getValue().get();
						walker.walk(id);
						ids.add(id);
					}
					String in = "'" + String.join("','", ids) + "'";
					long rows = 0;
					long bytes = 0;
					for (String table : historyTables) {
						Map<String, Object> r = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(pg_column_size(t.*)), 0) AS b FROM " + table
								+ " t WHERE root_proc_inst_id_ IN (" + in + ")");
						rows += ((Number) r.get("n")).longValue();
						bytes += ((Number) r.get("b")).longValue();
					}
					Map<String, Object> arrays = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(pg_column_size(t.*)), 0) AS b "
							+ "FROM act_ge_bytearray t WHERE root_proc_inst_id_ IN (" + in + ")");
					rows += ((Number) arrays.get("n")).longValue();
					bytes += ((Number) arrays.get("b")).longValue();
					System.out.printf("| %s | %d | %.0f | %.1f |%n", process.getKey(), RUNS, rows / (double) RUNS, bytes / 1024.0 / RUNS);
				}
				Map<String, Object> disk = jdbc.queryForMap("""
						SELECT SUM(pg_relation_size(c.oid)) AS heap, SUM(pg_total_relation_size(c.oid)) AS total FROM pg_class c
						WHERE c.relkind = 'r' AND (c.relname LIKE 'act_hi_%' OR c.relname = 'act_ge_bytearray')""");
				System.out.printf("%nHistory tables on disk: %.1f MB of rows, %.1f MB with indexes and TOAST (factor %.2f)%n%n",
						((Number) disk.get("heap")).doubleValue() / 1048576, ((Number) disk.get("total")).doubleValue() / 1048576,
						((Number) disk.get("total")).doubleValue() / ((Number) disk.get("heap")).doubleValue());
			}
		}
	}
}
