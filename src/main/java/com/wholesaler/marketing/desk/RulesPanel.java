package com.wholesaler.marketing.desk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.RefusedOwnDecisions;

/**
 * 監督、檢查營銷工作管理制度的執行情況: over the last 90 days, whether the center's rules were kept —
 * attempts to decide one's own case (refused, but kept), approvals decided after their due date, limit
 * exceptions granted, and price changes applied on the urgent path whose report afterwards is missing.
 */
@Service
public class RulesPanel {

	/** Decisions of one step made after the task's due date. */
	public record LateStep(String stepName, int late, int decided) {
	}

	/** A price change applied before the authority answered, still without its report afterwards. */
	public record UnreportedUrgent(String caseNumber, LocalDateTime approvedAt, long days) {
	}

	public record Panel(List<RefusedOwnDecisions.Attempt> ownAttempts, List<LateStep> late, int limitExceptionsGranted,
			List<UnreportedUrgent> unreported) {

		public int lateDecisions() {
			return late.stream().mapToInt(LateStep::late).sum();
		}
	}

	private final JdbcClient jdbc;
	private final RefusedOwnDecisions refused;
	private final Clock clock;

	RulesPanel(JdbcClient jdbc, RefusedOwnDecisions refused, Clock clock) {
		this.jdbc = jdbc;
		this.refused = refused;
		this.clock = clock;
	}

	public Panel now() {
		LocalDateTime since = LocalDateTime.now(clock).minusDays(LeadTimes.DAYS);
		// the approvers' decision steps are the user tasks named Task_Review… and Task_Approve… (as the 待我審批 filter takes them)
		List<LateStep> late = jdbc.sql("""
				SELECT MIN(NAME_) AS step_name, SUM(CASE WHEN DUE_DATE_ IS NOT NULL AND END_TIME_ > DUE_DATE_ THEN 1 ELSE 0 END) AS late,
				       COUNT(*) AS decided
				FROM ACT_HI_TASKINST
				WHERE END_TIME_ >= :since AND (TASK_DEF_KEY_ LIKE 'Task_Review%' OR TASK_DEF_KEY_ LIKE 'Task_Approve%')
				GROUP BY PROC_DEF_KEY_, TASK_DEF_KEY_
				HAVING SUM(CASE WHEN DUE_DATE_ IS NOT NULL AND END_TIME_ > DUE_DATE_ THEN 1 ELSE 0 END) > 0
				ORDER BY SUM(CASE WHEN DUE_DATE_ IS NOT NULL AND END_TIME_ > DUE_DATE_ THEN 1 ELSE 0 END) DESC""")
				.param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(LeadTimes.DAYS))))
				.query((rs, n) -> new LateStep(rs.getString("step_name"), rs.getInt("late"), rs.getInt("decided")))
				.list();
		// a limit exception's approval is on its sheet under its number LE-…
		int granted = jdbc.sql("SELECT COUNT(*) FROM approval_event WHERE case_number LIKE 'LE-%' AND event = 'APPROVE' AND occurred_at >= :since")
				.param("since", Timestamp.valueOf(since)).query(Integer.class).single();
		LocalDateTime now = LocalDateTime.now(clock);
		List<UnreportedUrgent> unreported = jdbc.sql("""
				SELECT u.case_number, MIN(u.occurred_at) AS approved_at FROM approval_event u
				WHERE u.event = 'APPROVE_URGENT' AND NOT EXISTS
				  (SELECT 1 FROM approval_event r WHERE r.case_number = u.case_number AND r.event = 'REPORTED_AFTERWARDS')
				GROUP BY u.case_number ORDER BY MIN(u.occurred_at)""")
				.query((rs, n) -> {
					LocalDateTime at = rs.getTimestamp("approved_at").toLocalDateTime();
					return new UnreportedUrgent(rs.getString("case_number"), at, Duration.between(at, now).toDays());
				})
				.list();
		return new Panel(refused.since(since), late, granted, unreported);
	}
}
