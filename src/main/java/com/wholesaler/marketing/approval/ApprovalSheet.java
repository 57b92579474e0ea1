package com.wholesaler.marketing.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The approval sheets (審批單) of every process in one table: what happened to a case, at which step,
 * who did it and what they said. Written by the approval core and the processes' services; the
 * models read the decisions through {@link ApprovalDecisions}.
 */
@Component
public class ApprovalSheet {

	static final List<String> DECISIONS = List.of(ApprovalEventType.APPROVE.name(), ApprovalEventType.APPROVE_URGENT.name(),
			ApprovalEventType.RETURN.name(), ApprovalEventType.REJECT.name());

	private final JdbcClient jdbc;
	private final Clock clock;
	private final People people;
	private final ApplicationEventPublisher events;

	ApprovalSheet(JdbcClient jdbc, Clock clock, People people, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.people = people;
		this.events = events;
	}

	/** An entry was added to a case's sheet (notifications follow some of them). */
	public record Recorded(String caseNumber, String stepName, ApprovalEventType type, String comment, String actor) {
	}

	/** Adds an entry to a case's sheet; actor null for the system. */
	public void record(String caseNumber, ApprovalStep step, ApprovalEventType type, String comment, String actor) {
		record(caseNumber, step, type, comment, actor, null);
	}

	/** An entry made by a stand-in names whom they acted for. */
	public void record(String caseNumber, ApprovalStep step, ApprovalEventType type, String comment, String actor, String onBehalfOf) {
		jdbc.sql("""
				INSERT INTO approval_event (case_number, step, step_name, event, comment, actor, on_behalf_of, occurred_at)
				VALUES (:n, :s, :sn, :e, :c, :a, :o, :at)""")
				.param("n", caseNumber).param("s", step.name()).param("sn", step.chineseName())
				.param("e", type.name()).param("c", comment == null || comment.isBlank() ? null : comment.trim()).param("a", actor).param("o", onBehalfOf)
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0))).update();
		events.publishEvent(new Recorded(caseNumber, step.chineseName(), type, comment, actor));
	}

	public void record(ApprovalCase approvalCase, ApprovalStep step, ApprovalEventType type, String comment, String actor) {
		record(approvalCase.sheetNumber(), step, type, comment, actor);
	}

	/** A case's sheet, oldest first, with the people named as the users know them. */
	public List<ApprovalEvent> of(String caseNumber) {
		List<ApprovalEvent> entries = jdbc.sql("SELECT * FROM approval_event WHERE case_number = :n ORDER BY id").param("n", caseNumber)
				.query((rs, i) -> new ApprovalEvent(rs.getString("step"), rs.getString("step_name"), ApprovalEventType.valueOf(rs.getString("event")),
						rs.getString("comment"), rs.getString("actor"), rs.getString("on_behalf_of"), rs.getTimestamp("occurred_at").toLocalDateTime(),
						null))
				.list();
		Set<String> ids = new HashSet<>();
		entries.forEach(e -> {
			ids.add(e.actor());
			ids.add(e.onBehalfOf());
		});
		Map<String, String> names = people.names(ids);
		return entries.stream().map(e -> e.named(names)).toList();
	}

	/** The last decision recorded on a case (APPROVE, APPROVE_URGENT, RETURN or REJECT), or "" when none. */
	public String decision(String caseNumber) {
		return jdbc.sql("""
				SELECT event FROM approval_event WHERE case_number = :n AND event IN (:decisions)
				ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").param("n", caseNumber).param("decisions", DECISIONS)
				.query(String.class).optional().orElse("");
	}

	/** Whether the step was escalated since the case last moved: the role above may then decide too. */
	boolean escalatedAt(String caseNumber, ApprovalStep step) {
		List<ApprovalEvent> sheet = of(caseNumber);
		for (int i = sheet.size() - 1; i >= 0; i--) {
			ApprovalEvent e = sheet.get(i);
			if (e.type() == ApprovalEventType.ESCALATE && e.step().equals(step.name())) {
				return true;
			}
			if (DECISIONS.contains(e.type().name()) || e.type() == ApprovalEventType.SUBMIT || e.type() == ApprovalEventType.RESUBMIT) {
				return false;
			}
		}
		return false;
	}
}
