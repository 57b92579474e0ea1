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
 * Extended statistics on the permission bits the task and instance queries test
 * ({@code PERMS_ & n = n}) in the engine's authorization table, on PostgreSQL 14 or later.
 * Without them the planner guesses a handful of matching authorizations and joins them to every
 * task by a nested loop, which grows with the square of the open tasks (see docs/operations.md).
 * It runs after the engine exists, because the engine creates its own tables.
 */
@Component
public class AuthorizationStatistics implements InitializingBean {

	/** Task READ, process definition READ_TASK, READ_INSTANCE and READ_HISTORY. */
	public static final String CREATE = """
			CREATE STATISTICS IF NOT EXISTS marketing_authorization_perms
			ON (perms_ & 2), (perms_ & 64), (perms_ & 512), (perms_ & 4096) FROM act_ru_authorization""";

	private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

	private final DataSource dataSource;

	// the engine is asked for only so that it, and with it its tables, exist first
	AuthorizationStatistics(DataSource dataSource, ProcessEngine engine) {
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
				log.warn("PostgreSQL {} has no statistics on expressions; task lists slow down with many open tasks (docs/operations.md)",
						db.getDatabaseProductVersion());
				return;
			}
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute(CREATE);
		jdbc.execute("ANALYZE act_ru_authorization");
	}
}
