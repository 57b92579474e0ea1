package com.wholesaler.marketing.desk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

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
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 部門工作計畫: a department's head (or the deputy, who organises the departments' plans) drafts the
 * month's items, each with its owner and due day; the director approves or returns it; at the month's
 * end the drafter reports each item done or not, with the reason when not.
 */
@Service
public class WorkPlans {

	public static final String PROCESS_ID = "workPlan";

	public enum Status {
		SUBMITTED("待審定"), RETURNED("退回修改"), APPROVED("執行中"), WITHDRAWN("已撤回"), CLOSED("已總結");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	public record WorkPlan(String planNumber, Department department, YearMonth month, String drafter, Status status, String note,
			LocalDateTime createdAt, LocalDateTime approvedAt, LocalDateTime closedAt, List<Item> items) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return planNumber;
		}

		@Override
		public String caseName() {
			return "部門工作計畫";
		}

		@Override
		public Area area() {
			return Area.WORK_PLANS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return step == WorkPlanStep.APPROVE && status == Status.SUBMITTED;
		}

		public String statusName() {
			return status.chineseName();
		}

		/** Items reported done; before month end none are. */
		public long done() {
			return items.stream().filter(i -> Boolean.TRUE.equals(i.done())).count();
		}

		/** Items past their due day and not yet reported done. */
		public long overdue(LocalDate today) {
			return items.stream().filter(i -> !Boolean.TRUE.equals(i.done()) && i.due().isBefore(today)).count();
		}

		/** The items as the month-end form starts them: every item marked done, to be changed where not. */
		public String outcomeTemplate() {
			StringBuilder text = new StringBuilder();
			for (Item i : items) {
				text.append(i.number()).append("｜完成｜").append('\n');
			}
			return text.toString().strip();
		}
	}

	public record Item(int number, String title, String owner, LocalDate due, Boolean done, String remark) {
	}

	private final JdbcClient jdbc;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final DocumentNumbers numbers;
	private final Clock clock;

	WorkPlans(JdbcClient jdbc, ApprovalCore core, ApprovalSheet sheet, CurrentUser currentUser, DocumentNumbers numbers, Clock clock) {
		this.jdbc = jdbc;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.numbers = numbers;
		this.clock = clock;
	}

	/** The signed-in head of the department (or the deputy) submits the month's plan; one live plan per department and month. */
	String draft(Object departmentName, Object monthText, Object itemsText, String note) {
		Department department = Department.named(departmentName);
		var actor = currentUser.actor();
		if (!actor.holds(department.head()) && !actor.holds(Role.DEPUTY_DIRECTOR)) {
			throw new BusinessRuleException("%s的工作計畫由%s或營銷中心副主任擬訂 (only the department's head or the deputy)"
					.formatted(department.chineseName(), department.head().chineseName()));
		}
		YearMonth month = month(monthText);
		YearMonth thisMonth = YearMonth.now(clock);
		if (month.isBefore(thisMonth) || month.isAfter(thisMonth.plusMonths(1))) {
			throw new BusinessRuleException("工作計畫的月份應為本月 %s 或下月 %s (month)".formatted(thisMonth, thisMonth.plusMonths(1)));
		}
		PlanItems items = PlanItems.parse(itemsText, month);
		if (jdbc.sql("SELECT COUNT(*) FROM work_plan WHERE department = :d AND plan_month = :m AND status <> 'WITHDRAWN'")
				.param("d", department.name()).param("m", month.toString()).query(Long.class).single() > 0) {
			throw new BusinessRuleException("%s %s 月已有工作計畫 (one plan a month)".formatted(department.chineseName(), month));
		}
		String number = "WP-%s-%02d".formatted(month, numbers.next("WP-" + month));
		String text = note(note);
		jdbc.sql("""
				INSERT INTO work_plan (plan_number, department, plan_month, drafter, status, note, created_at)
				VALUES (:n, :d, :m, :by, 'SUBMITTED', :note, :at)""")
				.param("n", number).param("d", department.name()).param("m", month.toString()).param("by", actor.id())
				.param("note", text).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		writeItems(number, items);
		sheet.record(number, WorkPlanStep.DRAFT, ApprovalEventType.SUBMIT, text, actor.id());
		return number;
	}

	/** The director's decision, checked by the approval core: the step, the role, not the drafter, a comment to return. */
	void decide(String number, Object decision, String comment) {
		WorkPlan plan = plan(number);
		ApprovalCore.Verdict verdict = core.check(plan, WorkPlanStep.APPROVE, Decision.of(decision), comment);
		jdbc.sql("UPDATE work_plan SET status = :s, approved_at = :at WHERE plan_number = :n")
				.param("s", verdict.decision() == Decision.APPROVE ? "APPROVED" : "RETURNED")
				.param("at", verdict.decision() == Decision.APPROVE ? Timestamp.valueOf(LocalDateTime.now(clock)) : null)
				.param("n", number).update();
		core.record(plan, verdict);
	}

	/** The drafter resubmits the returned plan with its items as now written, or withdraws it. */
	void revise(String number, Object action, Object itemsText, String note) {
		WorkPlan plan = plan(number);
		String by = currentUser.id();
		if (Resubmission.of(plan, plan.status() == Status.RETURNED, by, action) == Resubmission.WITHDRAW) {
			jdbc.sql("UPDATE work_plan SET status = 'WITHDRAWN' WHERE plan_number = :n").param("n", number).update();
			sheet.record(number, WorkPlanStep.DRAFT, ApprovalEventType.WITHDRAW, note(note), by);
			return;
		}
		PlanItems items = PlanItems.parse(itemsText, plan.month());
		String text = note(note);
		jdbc.sql("DELETE FROM work_plan_item WHERE plan_number = :n").param("n", number).update();
		writeItems(number, items);
		jdbc.sql("UPDATE work_plan SET status = 'SUBMITTED', note = :note WHERE plan_number = :n").param("note", text).param("n", number).update();
		sheet.record(number, WorkPlanStep.DRAFT, ApprovalEventType.RESUBMIT, text, by);
	}

	/** At month end the drafter marks every item done or not (with the reason); the plan is then closed. */
	void report(String number, Object outcomesText, String note) {
		WorkPlan plan = plan(number);
		String by = mustBeDrafter(plan);
		if (plan.status() != Status.APPROVED) {
			throw new BusinessRuleException("工作計畫 %s 目前%s，不能報告完成情況 (not in force)".formatted(number, plan.statusName()));
		}
		ItemOutcomes outcomes = ItemOutcomes.parse(outcomesText, plan.items().size());
		outcomes.outcomes().forEach((item, outcome) -> jdbc.sql(
				"UPDATE work_plan_item SET done = :done, remark = :remark WHERE plan_number = :n AND item_no = :i")
				.param("done", outcome.done()).param("remark", outcome.remark()).param("n", number).param("i", item).update());
		jdbc.sql("UPDATE work_plan SET status = 'CLOSED', closed_at = :at WHERE plan_number = :n")
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
		long done = outcomes.outcomes().values().stream().filter(ItemOutcomes.Outcome::done).count();
		String text = note(note);
		sheet.record(number, WorkPlanStep.REPORT, ApprovalEventType.MONTH_END,
				"完成 %d / %d 項%s".formatted(done, plan.items().size(), text == null ? "" : "。" + text), by);
	}

	/** The moment the month-end report falls due: the plan month's last day, 17:00. */
	public java.util.Date monthEnd(String number) {
		LocalDate last = plan(number).month().atEndOfMonth();
		return java.util.Date.from(last.atTime(17, 0).atZone(BusinessTime.ZONE).toInstant());
	}

	public WorkPlan plan(String number) {
		return find(number).orElseThrow(() -> new BusinessRuleException("找不到工作計畫「%s」(unknown work plan)"
				.formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public Optional<WorkPlan> find(String number) {
		return jdbc.sql(SELECT + " WHERE plan_number = :n").param("n", number).query(this::map).optional();
	}

	/** The plans of last month, this month and next month (drafted ahead), newest month first: what the desk follows. */
	public List<WorkPlan> recent(YearMonth month) {
		return jdbc.sql(SELECT + " WHERE plan_month IN (:months) AND status <> 'WITHDRAWN' ORDER BY plan_month DESC, department")
				.param("months", List.of(month.plusMonths(1).toString(), month.toString(), month.minusMonths(1).toString()))
				.query(this::map).list();
	}

	/** Every plan, newest first. */
	public List<WorkPlan> all() {
		return jdbc.sql(SELECT + " ORDER BY plan_month DESC, department, plan_number DESC").query(this::map).list();
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	private String mustBeDrafter(WorkPlan plan) {
		String by = currentUser.id();
		if (!by.equals(plan.drafter())) {
			throw new BusinessRuleException("工作計畫 %s 由擬訂人 %s 處理 (only the drafter)".formatted(plan.planNumber(), plan.drafter()));
		}
		return by;
	}

	private void writeItems(String number, PlanItems items) {
		for (PlanItems.Item i : items.items()) {
			jdbc.sql("INSERT INTO work_plan_item (plan_number, item_no, title, owner, due_date) VALUES (:n, :i, :t, :o, :d)")
					.param("n", number).param("i", i.number()).param("t", i.title()).param("o", i.owner()).param("d", i.due()).update();
		}
	}

	private static YearMonth month(Object text) {
		try {
			return YearMonth.parse(text == null ? "" : text.toString().strip());
		}
		catch (DateTimeParseException e) {
			throw new BusinessRuleException("月份「%s」格式不對，請用 YYYY-MM (month)".formatted(BusinessTime.abbreviated(String.valueOf(text))));
		}
	}

	private static String note(String note) {
		return CaseNote.of(note);
	}

	private static final String SELECT = """
			SELECT plan_number, department, plan_month, drafter, status, note, created_at, approved_at, closed_at FROM work_plan""";

	private WorkPlan map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String number = rs.getString("plan_number");
		Timestamp approved = rs.getTimestamp("approved_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		List<Item> items = jdbc.sql("SELECT * FROM work_plan_item WHERE plan_number = :n ORDER BY item_no").param("n", number)
				.query((r, i) -> new Item(r.getInt("item_no"), r.getString("title"), r.getString("owner"), r.getDate("due_date").toLocalDate(),
						(Boolean) r.getObject("done"), r.getString("remark")))
				.list();
		return new WorkPlan(number, Department.valueOf(rs.getString("department")), YearMonth.parse(rs.getString("plan_month")),
				rs.getString("drafter"), Status.valueOf(rs.getString("status")), rs.getString("note"), rs.getTimestamp("created_at").toLocalDateTime(),
				approved == null ? null : approved.toLocalDateTime(), closed == null ? null : closed.toLocalDateTime(), items);
	}
}
