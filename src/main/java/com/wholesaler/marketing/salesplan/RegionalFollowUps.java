package com.wholesaler.marketing.salesplan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 督辦 (「組織對各區域市場營銷部的銷售狀況進行適時跟蹤、督導」): the brand-planning head or the director
 * asks a region running more than 10 % behind its month's plan for its measures; the region answers;
 * after three working days without an answer it is reminded. The answer shows on the plan's page.
 */
@Service
public class RegionalFollowUps {

	public static final String PROCESS_ID = "regionalFollowUp";
	static final int NOTE_LIMIT = 500;
	static final int ANSWER_LIMIT = 1000;

	public record FollowUp(String number, String planNumber, String unitCode, long planned, long actual, long projected, String requestedBy,
			LocalDateTime requestedAt, String note, String answer, String answeredBy, LocalDateTime answeredAt, LocalDateTime remindedAt) {

		public boolean open() {
			return answer == null;
		}
	}

	private final JdbcClient jdbc;
	private final SalesPlans plans;
	private final SalesPlanProgress progress;
	private final DocumentNumbers numbers;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final RuntimeService runtime;
	private final Clock clock;
	private final TransactionTemplate transactions;

	RegionalFollowUps(JdbcClient jdbc, SalesPlans plans, SalesPlanProgress progress, DocumentNumbers numbers, ApprovalSheet sheet,
			CurrentUser currentUser, RuntimeService runtime, Clock clock, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.plans = plans;
		this.progress = progress;
		this.numbers = numbers;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.runtime = runtime;
		this.clock = clock;
	}

	/**
	 * Asks a region for its measures: only the brand-planning head, the director or the deputy, only on an
	 * approved plan whose month is under way, only for a region heading for less than 90 % of its plan, and
	 * one open follow-up per region and plan. Everything is
	 * checked before anything is written, and what is written is written together.
	 */
	public String request(String planNumber, String unit, String note, String by, Set<String> groups) {
		if (!groups.contains(Role.BRAND_PLANNING_HEAD.groupId()) && !groups.contains(Role.CENTER_DIRECTOR.groupId())
				&& !groups.contains(Role.DEPUTY_DIRECTOR.groupId())) {
			throw new BusinessRuleException("督辦由品牌策劃部主任或營銷中心主任提出 (only the brand-planning head or the director)");
		}
		SalesPlans.SalesPlan plan = plans.plan(planNumber);
		if (plan.status() != SalesPlans.Status.APPROVED) {
			throw new BusinessRuleException("銷售計畫 %s 目前%s，未生效 (not approved)".formatted(planNumber, plan.statusName()));
		}
		SalesPlanProgress.Progress now = progress.of(planNumber, LocalDate.now(clock));
		SalesPlanProgress.Row row = now.units().stream().filter(r -> r.key().equals(unit)).findFirst()
				.orElseThrow(() -> new BusinessRuleException("沒有「%s」這個區域 (unknown region)".formatted(BusinessTime.abbreviated(String.valueOf(unit)))));
		if (!now.started() || LocalDate.now(clock).isAfter(plan.month().atEndOfMonth())) {
			throw new BusinessRuleException("%s 月不在進行中，無法督辦 (month not under way)".formatted(plan.month()));
		}
		if (!row.behind()) {
			throw new BusinessRuleException("%s 按目前進度可完成計畫的 %.0f%%，未落後 10%% 以上，無需督辦 (not behind)".formatted(row.name(),
					row.pace() == null ? 0 : row.pace() * 100));
		}
		String text = note == null ? null : note.strip();
		if (text != null && text.length() > NOTE_LIMIT) {
			throw new BusinessRuleException("督辦說明最多 %d 字 (note too long)".formatted(NOTE_LIMIT));
		}
		if (openFor(planNumber, unit).isPresent()) {
			throw new BusinessRuleException("%s 已有未答覆的督辦 %s (one open follow-up)".formatted(row.name(), openFor(planNumber, unit).get().number()));
		}
		return transactions.execute(status -> open(planNumber, unit, row, text, by));
	}

	private String open(String planNumber, String unit, SalesPlanProgress.Row row, String text, String by) {
		int year = LocalDate.now(clock).getYear();
		String number = "DB-%d-%04d".formatted(year, numbers.next("DB-" + year));
		jdbc.sql("""
				INSERT INTO sales_plan_follow_up (follow_up_number, plan_number, unit_code, planned, actual, projected, requested_by,
				                                  requested_at, note)
				VALUES (:n, :p, :u, :planned, :actual, :projected, :by, :at, :note)""")
				.param("n", number).param("p", planNumber).param("u", unit).param("planned", row.planned()).param("actual", row.actual())
				.param("projected", row.projected()).param("by", by).param("at", Timestamp.valueOf(LocalDateTime.now(clock)))
				.param("note", text == null || text.isEmpty() ? null : text).update();
		sheet.record(number, FollowUpStep.REQUEST, ApprovalEventType.URGE, "%s：計畫 %,d 條，已訂 %,d 條，按進度預計 %,d 條%s".formatted(row.name(),
				row.planned(), row.actual(), row.projected(), text == null || text.isEmpty() ? "" : "。" + text), by);
		// started by the application, not by the asker through the engine: nobody may start a follow-up but
		// through the checks above, so no role is granted to start this process
		runtime.startProcessInstanceByKey(PROCESS_ID, number, Map.of("followUpNumber", number));
		return number;
	}

	/** The region answers with its measures. */
	void answer(String number, String measures) {
		FollowUp followUp = followUp(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.REGIONAL_MARKETING)) {
			throw new BusinessRuleException("督辦由區域市場部答覆 (only regional marketing answers)");
		}
		if (!followUp.open()) {
			throw new BusinessRuleException("督辦 %s 已答覆 (already answered)".formatted(number));
		}
		String text = measures == null ? "" : measures.strip();
		if (text.isEmpty()) {
			throw new BusinessRuleException("請寫明區域將採取的措施 (measures required)");
		}
		if (text.length() > ANSWER_LIMIT) {
			throw new BusinessRuleException("措施最多 %d 字 (too long)".formatted(ANSWER_LIMIT));
		}
		jdbc.sql("UPDATE sales_plan_follow_up SET answer = :a, answered_by = :by, answered_at = :at WHERE follow_up_number = :n")
				.param("a", text).param("by", actor.id()).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
		sheet.record(number, FollowUpStep.ANSWER, ApprovalEventType.SUBMIT, text, actor.id());
	}

	/** Three working days without an answer: the region is reminded (the holders of its task are told). */
	void remind(String number) {
		FollowUp followUp = followUp(number);
		if (!followUp.open()) {
			return;
		}
		jdbc.sql("UPDATE sales_plan_follow_up SET reminded_at = :at WHERE follow_up_number = :n")
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
		sheet.record(number, FollowUpStep.ANSWER, ApprovalEventType.REMIND, "督辦 3 個工作日未答覆", null);
	}

	public FollowUp followUp(String number) {
		return jdbc.sql(SELECT + " WHERE follow_up_number = :n").param("n", number).query(this::map).optional()
				.orElseThrow(() -> new BusinessRuleException("找不到督辦「%s」(unknown follow-up)".formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public List<FollowUp> of(String planNumber) {
		return jdbc.sql(SELECT + " WHERE plan_number = :p ORDER BY requested_at DESC").param("p", planNumber).query(this::map).list();
	}

	private Optional<FollowUp> openFor(String planNumber, String unit) {
		return jdbc.sql(SELECT + " WHERE plan_number = :p AND unit_code = :u AND answer IS NULL").param("p", planNumber).param("u", unit)
				.query(this::map).optional();
	}

	private static final String SELECT = "SELECT * FROM sales_plan_follow_up";

	private FollowUp map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new FollowUp(rs.getString("follow_up_number"), rs.getString("plan_number"), rs.getString("unit_code"), rs.getLong("planned"),
				rs.getLong("actual"), rs.getLong("projected"), rs.getString("requested_by"), time(rs.getTimestamp("requested_at")),
				rs.getString("note"), rs.getString("answer"), rs.getString("answered_by"), time(rs.getTimestamp("answered_at")),
				time(rs.getTimestamp("reminded_at")));
	}

	private static LocalDateTime time(Timestamp t) {
		return t == null ? null : t.toLocalDateTime();
	}
}
