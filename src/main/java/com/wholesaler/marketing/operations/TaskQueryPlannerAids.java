package com.wholesaler.marketing.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What PostgreSQL's planner needs to answer Tasklist's task query (the engine's, also
 * {@code GET /engine-rest/task}) in milliseconds however many tasks are open. The query joins every
 * task to the grants of the user's groups, keeps distinct rows and sorts them for one page; each
 * task has its own grant row. Two aids on the engine's tables, set after the engine has created them:
 * <ul>
 * <li>{@code parallel_workers} on ACT_RU_TASK: PostgreSQL 14 and 15 build the plan that walks the
 * newest tasks in index order and stops once the page is full (an incremental sort under a gather
 * merge) only as a parallel plan, and consider parallel plans only for tables of 8 MB or more; below
 * that every visible task is joined, de-duplicated and sorted first (250 ms at 20,000 tasks instead
 * of 5 ms);</li>
 * <li>extended statistics on the permission bits tested ({@code PERMS_ & n = n}), so the planner's
 * estimate of the matching grants is right.</li>
 * </ul>
 * The connection settings of the postgres profile do the rest (application-postgres.yaml);
 * docs/performance.md has the figures and TaskQueryPlanTest guards the plan.
 */
@Component
public class TaskQueryPlannerAids implements InitializingBean {

	/** Task READ, process definition READ_TASK, READ_INSTANCE and READ_HISTORY. */
	static final String STATISTICS = """
			CREATE STATISTICS IF NOT EXISTS marketing_authorization_perms
			ON (perms_ & 2), (perms_ & 64), (perms_ & 512), (perms_ & 4096) FROM act_ru_authorization""";

	static final String PARALLEL_TASK_SCANS = "ALTER TABLE act_ru_task SET (parallel_workers = 2)";

	private static final Logger log = LoggerFactory.getLogger(TaskQueryPlannerAids.class);

	private final DataSource dataSource;

	// the engine is asked for only so that it, and with it its tables, exist first
	TaskQueryPlannerAids(DataSource dataSource, ProcessEngine engine) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData db = connection.getMetaData();
			if (!db.getDatabaseProductName().toLowerCase().contains("postgres")) {
				return;
			}
			if (db.getDatabaseMajorVersion() < 14) {
				log.warn("PostgreSQL {}: the task lists slow down with many open tasks before version 14 (docs/performance.md)",
						db.getDatabaseProductVersion());
				return;
			}
		}
		// What is in place already is left alone: a node joining a running cluster neither waits for a
		// vacuum of the task table (which altering it would) nor analyses the grants again.
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		if (count(jdbc, "SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = 'marketing_authorization_perms'") == 0) {
			jdbc.execute(STATISTICS);
			jdbc.execute("ANALYZE act_ru_authorization");
		}
		if (count(jdbc, "SELECT COUNT(*) FROM pg_class WHERE relname = 'act_ru_task' AND 'parallel_workers=2' = ANY (reloptions)") == 0) {
			jdbc.execute(PARALLEL_TASK_SCANS);
		}
	}

	private static int count(JdbcTemplate jdbc, String sql) {
		Integer count = jdbc.queryForObject(sql, Integer.class);
		return count == null ? 0 : count;
	}
}
