package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Tasklist's task query (the engine's, also {@code GET /engine-rest/task}) on PostgreSQL at 5,000 open
 * tasks of a group, as a member with authorization on. Each task has its own grant row, so the
 * authorization sub-select returns as many rows as there are tasks. The plan must walk the newest
 * tasks in index order, look each one's grants up in the index on {@code RESOURCE_ID_}, and stop when
 * the page is full: not compare every task with every grant (2.3 s at 5,000 tasks, growing with the
 * square of the count), nor join and sort every visible task first (250 ms at 20,000). Checked as the
 * engine runs the statement: first with its parameters, then prepared on the server after five runs,
 * where PostgreSQL may switch to a generic plan. Without the aids (TaskQueryPlannerAids and the
 * connection settings of the postgres profile) the same statement gets the bad plans, which the test
 * also shows, so it fails if an aid is lost. The same for the count Tasklist asks for beside each filter,
 * with tasks spread over every role's group: without {@code cpu_operator_cost = 0.01} it compares every
 * task with every grant.
 */
class TaskQueryPlanTest {

	static final int OPEN_TASKS = 5_000;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void tasklistLooksUpEachTasksGrantsInTheIndex() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE plans");
			SqlRecorder recorder = new SqlRecorder(sql -> sql.contains("from ACT_RU_TASK RES") && sql.contains("ACT_RU_AUTHORIZATION"));
			try (ConfigurableApplicationContext app = StandaloneApp.start("taskQueryPlan", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "plans"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true"), recorder)) {
				ProcessEngine engine = app.getBean(ProcessEngine.class);
				JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
				engine.getRuntimeService().startProcessInstanceByKey("sampleReview", "PLAN-1");
				copyTheOpenTask(jdbc, OPEN_TASKS - 1);
				jdbc.execute("ANALYZE");

				List<Task> page = ActingUsers.as(engine.getIdentityService(), "brandhead", List.of("brandPlanningHead"),
						() -> engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 15));
				assertThat(page).hasSize(15);
				assertThat(recorder.kept()).as("the engine's authorized task query").isNotEmpty();
				SqlRecorder.Statement query = recorder.kept().get(recorder.kept().size() - 1);

				try (Connection pooled = app.getBean(DataSource.class).getConnection()) {
					for (JsonNode plan : List.of(explain(pooled, query), explainAfterFiveRuns(pooled, query))) {
						assertThat(nodeTypes(plan)).as("the newest tasks walked in order until the page is full:%n%s", plan.toPrettyString())
								.contains("Incremental Sort").doesNotContain("HashAggregate");
						assertThat(joinFiltersOnGrants(plan)).as("every task compared with every grant:%n%s", plan.toPrettyString()).isEmpty();
						assertThat(grantLookupsPerTask(plan)).as("each task's grants looked up in the index:%n%s", plan.toPrettyString())
								.isNotEmpty();
					}
				}
				// The count Tasklist asks for beside a filter on every refresh (我的小組: unclaimed tasks offered to my
				// groups), with 15,000 more tasks spread over every role's group as in the benchmark: PostgreSQL's
				// default cost of an operator makes it compare every task with every grant here (355 ms at 20,000).
				String sample = jdbc.queryForObject("SELECT id_ FROM act_ru_task ORDER BY create_time_ DESC FETCH FIRST 1 ROWS ONLY", String.class);
				List<com.wholesaler.marketing.identity.DemoUser> users = com.wholesaler.marketing.identity.DemoUser.ALL.stream()
						.filter(u -> com.wholesaler.marketing.identity.Role.ofGroupId(u.groupId()).isPresent()).toList();
				TaskQueryBenchmarkTest.spread(jdbc, sample, OPEN_TASKS, 4 * OPEN_TASKS - 1, users);
				jdbc.execute("ANALYZE");
				ActingUsers.as(engine.getIdentityService(), "director", List.of("centerDirector"),
						() -> engine.getTaskService().createTaskQuery().taskCandidateUser("director").count());
				SqlRecorder.Statement counted = recorder.kept().get(recorder.kept().size() - 1);
				assertThat(counted.sql()).containsIgnoringCase("count(");
				try (Connection pooled = app.getBean(DataSource.class).getConnection()) {
					JsonNode plan = explain(pooled, counted);
					assertThat(joinFiltersOnGrants(plan)).as("the count compares every task with every grant:%n%s", plan.toPrettyString()).isEmpty();
				}
				try (Connection plain = postgres.getDatabase("postgres", "plans").getConnection()) {
					plain.createStatement().execute("SET random_page_cost = 1.1");
					assertThat(joinFiltersOnGrants(explain(plain, counted))).as("the count without cpu_operator_cost: all pairs compared").isNotEmpty();
				}
				// without the aids PostgreSQL makes the mistakes they prevent
				try (Connection plain = postgres.getDatabase("postgres", "plans").getConnection()) {
					assertThat(joinFiltersOnGrants(explainAfterFiveRuns(plain, query))).as("generic plan after five runs: all pairs compared")
							.isNotEmpty();
					plain.setAutoCommit(false);
					plain.createStatement().execute("ALTER TABLE act_ru_task RESET (parallel_workers)");
					assertThat(nodeTypes(explain(plain, query))).as("no parallel plan: every visible task sorted first")
							.doesNotContain("Incremental Sort");
					plain.rollback();
				}
			}
		}
	}

	/** The sample task, its candidate group link and its grant, copied as if that many instances waited. */
	private static void copyTheOpenTask(JdbcTemplate jdbc, int copies) {
		jdbc.update("""
				INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, priority_,
				                         create_time_, suspension_state_, tenant_id_, last_updated_, task_state_)
				SELECT t.id_ || '-' || n, t.rev_, t.execution_id_, t.proc_inst_id_, t.proc_def_id_, t.name_, t.task_def_key_, t.priority_,
				       t.create_time_ - n * INTERVAL '1 minute', t.suspension_state_, t.tenant_id_, t.last_updated_, t.task_state_
				FROM act_ru_task t CROSS JOIN generate_series(1, ?) n""", copies);
		jdbc.update("""
				INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_, tenant_id_)
				SELECT i.id_ || '-' || n, i.rev_, i.group_id_, i.type_, i.user_id_, i.task_id_ || '-' || n, i.proc_def_id_, i.tenant_id_
				FROM act_ru_identitylink i CROSS JOIN generate_series(1, ?) n WHERE i.task_id_ IS NOT NULL""", copies);
		jdbc.update("""
				INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_,
				                                  removal_time_, root_proc_inst_id_)
				SELECT a.id_ || '-' || n, a.rev_, a.type_, a.group_id_, a.user_id_, a.resource_type_, a.resource_id_ || '-' || n, a.perms_,
				       a.removal_time_, a.root_proc_inst_id_
				FROM act_ru_authorization a JOIN act_ru_task t ON t.id_ = a.resource_id_ CROSS JOIN generate_series(1, ?) n
				WHERE a.resource_type_ = 7""", copies);
	}

	private JsonNode explain(Connection connection, SqlRecorder.Statement query) throws SQLException, java.io.IOException {
		try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + query.sql())) {
			for (int i = 0; i < query.parameters().size(); i++) {
				explain.setObject(i + 1, query.parameters().get(i));
			}
			try (ResultSet result = explain.executeQuery()) {
				result.next();
				return json.readTree(result.getString(1)).get(0).get("Plan");
			}
		}
	}

	/**
	 * The plan of the statement once it is prepared on the server and has run five times, as the JDBC
	 * driver does with a statement it sees often: from then on PostgreSQL may choose a generic plan.
	 */
	private JsonNode explainAfterFiveRuns(Connection connection, SqlRecorder.Statement query) throws SQLException, java.io.IOException {
		StringBuilder sql = new StringBuilder();
		int n = 0;
		for (char c : query.sql().toCharArray()) {
			sql.append(c == '?' ? "$" + (++n) : String.valueOf(c));
		}
		String arguments = query.parameters().stream()
				.map(p -> p instanceof Number ? p.toString() : "'" + p.toString().replace("'", "''") + "'")
				.collect(java.util.stream.Collectors.joining(", ", "(", ")"));
		try (java.sql.Statement statement = connection.createStatement()) {
			statement.execute("PREPARE engine_task_query AS " + sql);
			try {
				for (int run = 0; run < 6; run++) {
					statement.execute("EXECUTE engine_task_query" + arguments);
				}
				try (ResultSet result = statement.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE engine_task_query" + arguments)) {
					result.next();
					return json.readTree(result.getString(1)).get(0).get("Plan");
				}
			}
			finally {
				statement.execute("DEALLOCATE engine_task_query");
			}
		}
	}

	private static List<String> nodeTypes(JsonNode plan) {
		List<String> found = new ArrayList<>();
		walk(plan, node -> found.add(node.path("Node Type").asText()));
		return found;
	}

	/** Joins that compare each task with the grants row by row. */
	private static List<String> joinFiltersOnGrants(JsonNode plan) {
		List<String> found = new ArrayList<>();
		walk(plan, node -> {
			if (node.has("Join Filter") && node.get("Join Filter").asText().contains("resource_id_")) {
				found.add(node.get("Join Filter").asText());
			}
		});
		return found;
	}

	/** Scans of the grants whose index condition is the task at hand. */
	private static List<String> grantLookupsPerTask(JsonNode plan) {
		List<String> found = new ArrayList<>();
		walk(plan, node -> {
			String condition = node.path("Index Cond").asText("") + node.path("Recheck Cond").asText("");
			if ("act_ru_authorization".equals(node.path("Relation Name").asText()) && condition.contains("res.id_")) {
				found.add(node.get("Node Type").asText() + ": " + condition);
			}
		});
		return found;
	}

	private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
		visit.accept(node);
		node.path("Plans").forEach(child -> walk(child, visit));
	}
}
