package com.wholesaler.marketing.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.WorkingCalendar;

/**
 * 每日訪銷: each working morning the day's call lists are made (who calls whom, with each retailer's
 * plan quantity then); each clerk closes the day by filing a work log (工作日誌) whose figures the
 * system fills in and whose remarks the clerk types; the seat leader checks the day (logs not filed,
 * special events) and closes it with remarks (督促監督坐席員填寫工作日誌).
 */
@Service
public class CallDays {

	public static final int REMARKS_LIMIT = 1000;

	/** A clerk's day as the log has it; the figures are empty until it is filed. */
	public record WorkLog(LocalDate date, String clerk, int retailers, DayFigures figures, String remarks, LocalDateTime filedAt) {

		public boolean filed() {
			return filedAt != null;
		}
	}

	/** The day's figures of one clerk, from the list made in the morning and the calls taken. */
	public record DayFigures(int retailers, int called, int connected, int ordered, int cartons, int callSeconds) {

		public int notCalled() {
			return Math.max(0, retailers - called);
		}
	}

	/** The seat leader's check of a day. */
	public record DayCheck(LocalDate date, String checkedBy, int logsMissing, int events, String remarks, LocalDateTime checkedAt) {
	}

	private final JdbcClient jdbc;
	private final WorkingCalendar calendar;
	private final CallNotices notices;
	private final Clock clock;

	CallDays(JdbcClient jdbc, WorkingCalendar calendar, CallNotices notices, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Makes the call lists of a working day from the routes and who holds them: the clerks who have
	 * retailers to call that day, in order. Nothing on a day off, nothing the second time the same day
	 * (a second run, or another node, finds the day's logs made).
	 */
	@Transactional
	public List<String> make(LocalDate day) {
		if (!calendar.isWorkingDay(day) || !logs(day).isEmpty()) {
			return List.of();
		}
		PlanWindow plan = PlanWindow.before(day);
		jdbc.sql("""
				INSERT INTO call_list_entry (call_date, retailer_code, clerk, plan_cartons)
				SELECT :day, t.code, r.clerk, COALESCE(p.cartons, 0)
				FROM retailer t JOIN route r ON r.code = t.route_code
				LEFT JOIN (SELECT o.retailer_code, CAST(ROUND(SUM(o.cartons) / :weeks) AS INTEGER) AS cartons
				           FROM phone_order o WHERE o.call_date >= :from AND o.call_date < :to
				           GROUP BY o.retailer_code) p ON p.retailer_code = t.code
				WHERE r.order_weekday = :weekday AND r.clerk IS NOT NULL AND t.status = 'ACTIVE'""")
				.param("day", day).param("weeks", (double) PlanWindow.WEEKS).param("from", plan.from()).param("to", plan.to())
				.param("weekday", day.getDayOfWeek().getValue())
				.update();
		jdbc.sql("""
				INSERT INTO work_log (call_date, clerk, retailers, plan_cartons)
				SELECT call_date, clerk, COUNT(*), SUM(plan_cartons) FROM call_list_entry WHERE call_date = :day GROUP BY call_date, clerk""")
				.param("day", day).update();
		notices.fromPriceChanges(day);
		return logs(day).stream().map(WorkLog::clerk).toList();
	}

	public List<WorkLog> logs(LocalDate day) {
		return jdbc.sql("""
				SELECT call_date, clerk, retailers, called, connected, ordered, cartons, call_seconds, remarks, filed_at
				FROM work_log WHERE call_date = :day ORDER BY clerk""")
				.param("day", day)
				.query((rs, n) -> {
					Timestamp filed = rs.getTimestamp("filed_at");
					DayFigures figures = filed == null ? null : new DayFigures(rs.getInt("retailers"), rs.getInt("called"),
							rs.getInt("connected"), rs.getInt("ordered"), rs.getInt("cartons"), rs.getInt("call_seconds"));
					return new WorkLog(rs.getDate("call_date").toLocalDate(), rs.getString("clerk"), rs.getInt("retailers"), figures,
							rs.getString("remarks"), filed == null ? null : filed.toLocalDateTime());
				})
				.list();
	}

	public Optional<WorkLog> log(LocalDate day, String clerk) {
		return logs(day).stream().filter(l -> l.clerk().equals(clerk)).findFirst();
	}

	/** The clerk's figures of the day as they stand now. */
	public DayFigures figures(LocalDate day, String clerk) {
		int retailers = jdbc.sql("SELECT COUNT(*) FROM call_list_entry WHERE call_date = :day AND clerk = :clerk")
				.param("day", day).param("clerk", clerk).query(Integer.class).single();
		return jdbc.sql("""
				SELECT COUNT(DISTINCT retailer_code) AS called,
				       COUNT(DISTINCT CASE WHEN outcome <> 'NO_ANSWER' THEN retailer_code END) AS connected,
				       COUNT(DISTINCT CASE WHEN cartons > 0 THEN retailer_code END) AS ordered,
				       COALESCE(SUM(cartons), 0) AS cartons, COALESCE(SUM(call_seconds), 0) AS seconds
				FROM phone_order WHERE call_date = :day AND clerk = :clerk""")
				.param("day", day).param("clerk", clerk)
				.query((rs, n) -> new DayFigures(retailers, rs.getInt("called"), rs.getInt("connected"), rs.getInt("ordered"),
						rs.getInt("cartons"), rs.getInt("seconds")))
				.single();
	}

	/**
	 * The clerk files the day's log: only their own, once; the figures are taken as they stand, and
	 * retailers left uncalled need a reason in the remarks.
	 */
	@Transactional
	public WorkLog file(LocalDate day, String clerk, String filedBy, String remarks) {
		WorkLog log = log(day, clerk).orElseThrow(() -> new BusinessRuleException("%s 沒有 %s 的訪銷任務 (no call list)".formatted(clerk, day)));
		if (!clerk.equals(filedBy)) {
			throw new BusinessRuleException("這是 %s 的訪銷任務和工作日誌，只有本人可以提交 (only the clerk files their own log)".formatted(clerk));
		}
		if (log.filed()) {
			throw new BusinessRuleException("%s 的 %s 工作日誌已經提交 (already filed)".formatted(clerk, day));
		}
		String text = remarks == null ? "" : remarks.trim();
		if (text.length() > REMARKS_LIMIT) {
			throw new BusinessRuleException("工作日誌備註不能超過 %d 字，現在 %d 字 (remarks too long)".formatted(REMARKS_LIMIT, text.length()));
		}
		DayFigures figures = figures(day, clerk);
		if (figures.notCalled() > 0 && text.isEmpty()) {
			throw new BusinessRuleException("今天還有 %d 戶未訪銷，請在工作日誌備註中說明原因 (say why some retailers were not called)"
					.formatted(figures.notCalled()));
		}
		jdbc.sql("""
				UPDATE work_log SET called = :called, connected = :connected, ordered = :ordered, cartons = :cartons,
				       call_seconds = :seconds, remarks = :remarks, filed_at = :now
				WHERE call_date = :day AND clerk = :clerk AND filed_at IS NULL""")
				.param("called", figures.called()).param("connected", figures.connected()).param("ordered", figures.ordered())
				.param("cartons", figures.cartons()).param("seconds", figures.callSeconds()).param("remarks", text.isEmpty() ? null : text)
				.param("now", Timestamp.valueOf(LocalDateTime.now(clock))).param("day", day).param("clerk", clerk)
				.update();
		return log(day, clerk).orElseThrow();
	}

	public Optional<DayCheck> check(LocalDate day) {
		return jdbc.sql("SELECT call_date, checked_by, logs_missing, events, remarks, checked_at FROM call_day_check WHERE call_date = :day")
				.param("day", day)
				.query((rs, n) -> new DayCheck(rs.getDate("call_date").toLocalDate(), rs.getString("checked_by"), rs.getInt("logs_missing"),
						rs.getInt("events"), rs.getString("remarks"), rs.getTimestamp("checked_at").toLocalDateTime()))
				.optional();
	}

	/** The seat leader closes the day's check with remarks, recording the logs missing and the events as they stand. */
	@Transactional
	public DayCheck closeCheck(LocalDate day, String seatLeader, String remarks, int events) {
		String text = remarks == null ? "" : remarks.trim();
		if (text.isEmpty()) {
			throw new BusinessRuleException("請填寫檢查意見（例如已督促未提交日誌的坐席）(remarks are required)");
		}
		if (text.length() > REMARKS_LIMIT) {
			throw new BusinessRuleException("檢查意見不能超過 %d 字，現在 %d 字 (remarks too long)".formatted(REMARKS_LIMIT, text.length()));
		}
		if (check(day).isPresent()) {
			throw new BusinessRuleException("%s 的訪銷已經檢查過 (already checked)".formatted(day));
		}
		int missing = (int) logs(day).stream().filter(l -> !l.filed()).count();
		jdbc.sql("""
				INSERT INTO call_day_check (call_date, checked_by, logs_missing, events, remarks, checked_at)
				VALUES (:day, :by, :missing, :events, :remarks, :now)""")
				.param("day", day).param("by", seatLeader).param("missing", missing).param("events", events).param("remarks", text)
				.param("now", Timestamp.valueOf(LocalDateTime.now(clock)))
				.update();
		return check(day).orElseThrow();
	}
}
