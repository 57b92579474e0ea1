package com.wholesaler.marketing.salesplan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CaseNote;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.Resubmission;
import com.wholesaler.marketing.identity.Role;

/**
 * 年度經營目標 (擬訂年度經營方針和目標): the director drafts the year's targets, the executive approves them or
 * returns them with a comment. An approved version is frozen; a revision during the year is a new version
 * through the same approval, and approving it supersedes the one before.
 */
@Service
public class AnnualTargets {

	public static final String PROCESS_ID = "annualTargets";

	public enum Status {
		SUBMITTED("待審定"), RETURNED("退回修改"), APPROVED("已審定"), SUPERSEDED("已被新版本取代"), WITHDRAWN("已撤回");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	/** A version of a year's targets as kept. */
	public record AnnualTarget(String targetNumber, int year, int version, long cartons, BigDecimal salesAmount, BigDecimal grossMargin,
			BigDecimal premiumShare, int activeRetailers, String note, String drafter, Status status, LocalDateTime createdAt,
			LocalDateTime approvedAt) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return targetNumber;
		}

		@Override
		public String caseName() {
			return "年度經營目標";
		}

		@Override
		public Area area() {
			return Area.TARGETS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return step == AnnualTargetStep.APPROVE && status == Status.SUBMITTED;
		}

		public String statusName() {
			return status.chineseName();
		}
	}

	private final JdbcClient jdbc;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final Clock clock;

	AnnualTargets(JdbcClient jdbc, ApprovalCore core, ApprovalSheet sheet, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * The signed-in director drafts the targets of a year: a new version (the first, or a revision of the
	 * approved one), while no other version of that year is waiting. Returns its number, e.g. NT-2027-v1.
	 */
	String draft(TargetFigures figures, String note) {
		String drafter = mayDraft();
		String text = note(note);
		if (jdbc.sql("SELECT COUNT(*) FROM annual_target WHERE target_year = :y AND status IN ('SUBMITTED', 'RETURNED')")
				.param("y", figures.year()).query(Long.class).single() > 0) {
			throw new BusinessRuleException("%d 年的目標已有一個版本在審定中，請先處理該版本 (a version is in approval)".formatted(figures.year()));
		}
		int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM annual_target WHERE target_year = :y").param("y", figures.year())
				.query(Integer.class).single() + 1;
		String number = "NT-%d-v%d".formatted(figures.year(), version);
		jdbc.sql("""
				INSERT INTO annual_target (target_number, target_year, version, cartons, sales_amount, gross_margin, premium_share,
				                           active_retailers, note, drafter, status, created_at)
				VALUES (:n, :y, :v, :c, :a, :m, :s, :r, :note, :by, 'SUBMITTED', :at)""")
				.param("n", number).param("y", figures.year()).param("v", version).param("c", figures.cartons()).param("a", figures.salesAmount())
				.param("m", figures.grossMargin()).param("s", figures.premiumShare()).param("r", figures.activeRetailers()).param("note", text)
				.param("by", drafter).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		sheet.record(number, AnnualTargetStep.DRAFT, ApprovalEventType.SUBMIT, text, drafter);
		return number;
	}

	/** The executive's decision, checked by the approval core (step, role, not the drafter, a comment to return). */
	void decide(String number, Object decision, String comment) {
		AnnualTarget target = target(number);
		ApprovalCore.Verdict verdict = core.check(target, AnnualTargetStep.APPROVE, Decision.of(decision), comment);
		if (verdict.decision() == Decision.APPROVE) {
			jdbc.sql("UPDATE annual_target SET status = 'SUPERSEDED' WHERE target_year = :y AND status = 'APPROVED'").param("y", target.year()).update();
			jdbc.sql("UPDATE annual_target SET status = 'APPROVED', approved_at = :at WHERE target_number = :n")
					.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
		}
		else {
			jdbc.sql("UPDATE annual_target SET status = 'RETURNED' WHERE target_number = :n").param("n", number).update();
		}
		core.record(target, verdict);
	}

	/**
	 * The drafter revises the returned targets and submits them again, or withdraws them; the figures are
	 * read from the form only when resubmitted.
	 */
	void revise(String number, String action, Supplier<TargetFigures> revised, String note) {
		AnnualTarget target = target(number);
		String by = currentUser.id();
		if (Resubmission.of(target, target.status() == Status.RETURNED, by, action) == Resubmission.WITHDRAW) {
			jdbc.sql("UPDATE annual_target SET status = 'WITHDRAWN' WHERE target_number = :n").param("n", number).update();
			sheet.record(number, AnnualTargetStep.DRAFT, ApprovalEventType.WITHDRAW, note(note), by);
			return;
		}
		TargetFigures figures = revised.get();
		if (figures.year() != target.year()) {
			throw new BusinessRuleException("修改時不能改變年度（%d）(year)".formatted(target.year()));
		}
		String text = note(note);
		jdbc.sql("""
				UPDATE annual_target SET cartons = :c, sales_amount = :a, gross_margin = :m, premium_share = :s, active_retailers = :r,
				       note = :note, status = 'SUBMITTED' WHERE target_number = :n""")
				.param("c", figures.cartons()).param("a", figures.salesAmount()).param("m", figures.grossMargin()).param("s", figures.premiumShare())
				.param("r", figures.activeRetailers()).param("note", text).param("n", number).update();
		sheet.record(number, AnnualTargetStep.DRAFT, ApprovalEventType.RESUBMIT, text, by);
	}

	public AnnualTarget target(String number) {
		return find(number).orElseThrow(() -> new BusinessRuleException("找不到年度目標「%s」(unknown targets)".formatted(number)));
	}

	public Optional<AnnualTarget> find(String number) {
		return jdbc.sql(SELECT + " WHERE target_number = :n").param("n", number).query(this::map).optional();
	}

	/** The approved targets of a year in force, if any. */
	public Optional<AnnualTarget> approved(int year) {
		return jdbc.sql(SELECT + " WHERE target_year = :y AND status = 'APPROVED'").param("y", year).query(this::map).optional();
	}

	/** Every version, the newest year and version first. */
	public List<AnnualTarget> all() {
		return jdbc.sql(SELECT + " ORDER BY target_year DESC, version DESC").query(this::map).list();
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	private String mayDraft() {
		var actor = currentUser.actor();
		if (!actor.holds(Role.CENTER_DIRECTOR)) {
			throw new BusinessRuleException("年度經營目標由營銷中心主任擬訂 (only the center director drafts the targets)");
		}
		return actor.id();
	}

	private static String note(String note) {
		return CaseNote.of(note);
	}

	private static final String SELECT = """
			SELECT target_number, target_year, version, cartons, sales_amount, gross_margin, premium_share, active_retailers, note, drafter,
			       status, created_at, approved_at FROM annual_target""";

	private AnnualTarget map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp approved = rs.getTimestamp("approved_at");
		return new AnnualTarget(rs.getString("target_number"), rs.getInt("target_year"), rs.getInt("version"), rs.getLong("cartons"),
				rs.getBigDecimal("sales_amount"), rs.getBigDecimal("gross_margin"), rs.getBigDecimal("premium_share"), rs.getInt("active_retailers"),
				rs.getString("note"), rs.getString("drafter"), Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toLocalDateTime(),
				approved == null ? null : approved.toLocalDateTime());
	}
}
