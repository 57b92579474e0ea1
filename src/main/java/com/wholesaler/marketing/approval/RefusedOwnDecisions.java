package com.wholesaler.marketing.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attempts to decide one's own case that the approval core refused. Kept in a transaction of their
 * own: the refused decision rolls back, the record of the attempt stays.
 */
@Component
public class RefusedOwnDecisions {

	public record Attempt(String caseNumber, String caseName, String stepName, String actor, LocalDateTime at) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate own;
	private final Clock clock;

	RefusedOwnDecisions(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void record(ApprovalCase approvalCase, ApprovalStep step, String actor) {
		own.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO refused_own_decision (case_number, case_name, step_name, actor, attempted_at) VALUES (:n, :c, :s, :a, :at)""")
				.param("n", approvalCase.caseNumber()).param("c", approvalCase.caseName()).param("s", step.chineseName()).param("a", actor)
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0))).update());
	}

	/** The attempts since a moment, the latest first. */
	public List<Attempt> since(LocalDateTime since) {
		return jdbc.sql("""
				SELECT case_number, case_name, step_name, actor, attempted_at FROM refused_own_decision
				WHERE attempted_at >= :since ORDER BY attempted_at DESC, id DESC""")
				.param("since", Timestamp.valueOf(since))
				.query((rs, n) -> new Attempt(rs.getString("case_number"), rs.getString("case_name"), rs.getString("step_name"), rs.getString("actor"),
						rs.getTimestamp("attempted_at").toLocalDateTime()))
				.list();
	}
}
