package com.wholesaler.marketing.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The open tasks a user may work on: assigned to them or offered to one of their groups, and
 * readable under the engine's authorizations (task READ, or READ_TASK on the process definition).
 * One query counts per process, one returns the newest page: both decide per task with EXISTS on
 * the candidate links and on the authorizations by resource id, so the cost follows the page, not
 * the square of the open tasks as the engine's own join does on PostgreSQL (docs/performance.md).
 */
@Service
public class MyWork {

	public static final int SHOWN_TASKS = 20;

	private final NamedParameterJdbcTemplate jdbc;
	/** Which tasks the user sees, on {@code ACT_RU_TASK t} joined to {@code ACT_RE_PROCDEF d}. */
	private final String visible;

	MyWork(NamedParameterJdbcTemplate jdbc, DataSource dataSource) throws SQLException {
		this.jdbc = jdbc;
		String product;
		try (Connection connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName().toLowerCase();
		}
		// H2 has no & operator on integers
		String readTask = product.contains("h2") ? "BITAND(a.PERMS_, 2) = 2" : "a.PERMS_ & 2 = 2";
		String readTaskOfDefinition = product.contains("h2") ? "BITAND(a.PERMS_, 64) = 64" : "a.PERMS_ & 64 = 64";
		// one EXISTS per way a permission can be granted, each an equality the index on RESOURCE_ID_ answers
		String grantee = "a.TYPE_ < 2 AND (a.USER_ID_ IN (:user, '*') OR a.GROUP_ID_ IN (:groups))";
		this.visible = """
				WHERE t.SUSPENSION_STATE_ = 1
				  AND (t.ASSIGNEE_ = :user OR t.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l
				       WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND (l.GROUP_ID_ IN (:groups) OR l.USER_ID_ = :user)))
				  AND (EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.RESOURCE_ID_ = t.ID_ AND a.RESOURCE_TYPE_ = 7 AND %1$s AND %2$s)
				    OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.RESOURCE_ID_ = d.KEY_ AND a.RESOURCE_TYPE_ = 6 AND %1$s AND %3$s)
				    OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.RESOURCE_ID_ = '*' AND a.RESOURCE_TYPE_ = 7 AND %1$s AND %2$s)
				    OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.RESOURCE_ID_ = '*' AND a.RESOURCE_TYPE_ = 6 AND %1$s AND %3$s))
				""".formatted(grantee, readTask, readTaskOfDefinition);
	}

	public record OpenTask(String id, String name, String processName, String businessKey, Date created, Date due,
			String assignee) {
	}

	public record ProcessCount(String processKey, String processName, long tasks) {
	}

	public record Summary(List<ProcessCount> perProcess, List<OpenTask> newest, long total) {
	}

	public Summary of(String userId, List<String> groupIds) {
		MapSqlParameterSource params = new MapSqlParameterSource("user", userId)
				.addValue("groups", groupIds.isEmpty() ? List.of("-") : groupIds);
		List<ProcessCount> perProcess = jdbc.query("""
				SELECT d.KEY_ AS process_key, MAX(COALESCE(d.NAME_, d.KEY_)) AS process_name, COUNT(*) AS tasks
				FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
				""" + visible + " GROUP BY d.KEY_ ORDER BY COUNT(*) DESC, d.KEY_", params,
				(rs, i) -> new ProcessCount(rs.getString("process_key"), rs.getString("process_name"), rs.getLong("tasks")));
		List<OpenTask> newest = jdbc.query("""
				SELECT t.ID_, t.NAME_, COALESCE(d.NAME_, d.KEY_) AS process_name, e.BUSINESS_KEY_, t.CREATE_TIME_, t.DUE_DATE_, t.ASSIGNEE_
				FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_ LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
				""" + visible + " ORDER BY t.CREATE_TIME_ DESC, t.ID_ LIMIT " + SHOWN_TASKS, params,
				(rs, i) -> new OpenTask(rs.getString("ID_"), rs.getString("NAME_"), rs.getString("process_name"), rs.getString("BUSINESS_KEY_"),
						rs.getTimestamp("CREATE_TIME_"), rs.getTimestamp("DUE_DATE_"), rs.getString("ASSIGNEE_")));
		return new Summary(perProcess, newest, perProcess.stream().mapToLong(ProcessCount::tasks).sum());
	}
}
