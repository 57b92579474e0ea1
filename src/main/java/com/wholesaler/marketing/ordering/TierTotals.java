package com.wholesaler.marketing.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;

/**
 * 投放控制總量: what a retailer of each tier may order in all per week, set by the supply manager for this
 * week and the next four; a blank cell is no total. Every change is kept with who made it.
 */
@Service
public class TierTotals {

	public static final int TIERS = 30;
	public static final int WEEKS = 5;
	/** More than any retailer orders in a week: a larger figure is a typing slip. */
	public static final int MOST_CARTONS = 100_000;

	/** A tier's row: its active retailers, their average weekly order over the last four weeks, and the totals by week. */
	public record Row(int tier, int retailers, Double averageWeekly, Map<LocalDate, Integer> totals) {
	}

	/** A change as kept. */
	public record Change(int tier, LocalDate week, Integer from, Integer to, String changedBy, LocalDateTime changedAt) {
	}

	/** One cell of the page's form, named "t{tier}w{monday}", with the text typed into it. */
	record Cell(int tier, LocalDate week, Integer cartons) {

		private static final Pattern NAME = Pattern.compile("t(\\d{1,2})w(\\d{4}-\\d{2}-\\d{2})");

		/** Null for a field that is no cell of the table. */
		static Cell parse(String name, String text) {
			Matcher m = NAME.matcher(name);
			if (!m.matches()) {
				return null;
			}
			int tier = Integer.parseInt(m.group(1));
			LocalDate week;
			try {
				week = LocalDate.parse(m.group(2));
			}
			catch (DateTimeParseException e) {
				return null;
			}
			String value = text == null ? "" : text.strip().replace(",", "");
			if (value.isEmpty()) {
				return new Cell(tier, week, null);
			}
			int cartons;
			try {
				cartons = Integer.parseInt(value);
			}
			catch (NumberFormatException e) {
				throw new BusinessRuleException("%d 檔 %s 週：「%s」不是整數條數 (cartons)".formatted(tier, week, BusinessTime.abbreviated(value)));
			}
			if (cartons < 0 || cartons > MOST_CARTONS) {
				throw new BusinessRuleException("%d 檔 %s 週：總量應在 0 至 %d 條之間 (cartons)".formatted(tier, week, MOST_CARTONS));
			}
			return new Cell(tier, week, cartons);
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	TierTotals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The weeks the page shows and takes: this one and the next four, each by its Monday. */
	public List<LocalDate> weeks() {
		LocalDate monday = OrderWeek.of(LocalDate.now(clock));
		List<LocalDate> weeks = new ArrayList<>();
		for (int i = 0; i < WEEKS; i++) {
			weeks.add(monday.plusWeeks(i));
		}
		return weeks;
	}

	public List<Row> table() {
		List<LocalDate> weeks = weeks();
		Map<Integer, Map<LocalDate, Integer>> totals = new HashMap<>();
		jdbc.sql("SELECT tier, week_start, cartons FROM tier_weekly_total WHERE week_start BETWEEN :from AND :to")
				.param("from", weeks.get(0)).param("to", weeks.get(WEEKS - 1))
				.query((rs, n) -> totals.computeIfAbsent(rs.getInt("tier"), t -> new HashMap<>()).put(rs.getDate("week_start").toLocalDate(),
						rs.getInt("cartons")))
				.list();
		Map<Integer, Integer> retailers = new HashMap<>();
		jdbc.sql("SELECT tier, COUNT(*) AS n FROM retailer WHERE status = 'ACTIVE' GROUP BY tier")
				.query((rs, n) -> retailers.put(rs.getInt("tier"), rs.getInt("n"))).list();
		Map<Integer, Long> ordered = new HashMap<>();
		PlanWindow window = PlanWindow.before(LocalDate.now(clock));
		jdbc.sql("""
				SELECT t.tier, SUM(o.cartons) AS cartons FROM phone_order o JOIN retailer t ON t.code = o.retailer_code
				WHERE o.call_date >= :from AND o.call_date < :to GROUP BY t.tier""")
				.param("from", window.from()).param("to", window.to())
				.query((rs, n) -> ordered.put(rs.getInt("tier"), rs.getLong("cartons"))).list();
		List<Row> rows = new ArrayList<>();
		for (int tier = 1; tier <= TIERS; tier++) {
			int count = retailers.getOrDefault(tier, 0);
			Map<LocalDate, Integer> byWeek = new LinkedHashMap<>();
			Map<LocalDate, Integer> set = totals.getOrDefault(tier, Map.of());
			weeks.forEach(w -> byWeek.put(w, set.get(w)));
			rows.add(new Row(tier, count, count == 0 ? null : ordered.getOrDefault(tier, 0L) / (count * (double) PlanWindow.WEEKS), byWeek));
		}
		return rows;
	}

	/**
	 * Saves the page's cells: only the supply manager, only the weeks shown; one bad cell refuses all.
	 * Returns how many totals changed.
	 */
	@Transactional
	public int save(Map<String, String> form, String by, Set<String> groups) {
		if (!groups.contains(Role.SUPPLY_MANAGER.groupId())) {
			throw new ActionForbidden("投放控制總量由供應管理員設定 (only the supply manager sets the totals)");
		}
		List<LocalDate> weeks = weeks();
		List<Cell> cells = new ArrayList<>();
		for (Map.Entry<String, String> field : form.entrySet()) {
			Cell cell = Cell.parse(field.getKey(), field.getValue());
			if (cell == null) {
				continue;
			}
			if (cell.tier() < 1 || cell.tier() > TIERS) {
				throw new BusinessRuleException("沒有 %d 檔 (tier 1–%d)".formatted(cell.tier(), TIERS));
			}
			if (!weeks.contains(cell.week())) {
				throw new BusinessRuleException("只能設定本週起 %d 週的總量，%s 不在其中 (week)".formatted(WEEKS, cell.week()));
			}
			cells.add(cell);
		}
		Map<String, Integer> before = new HashMap<>();
		jdbc.sql("SELECT tier, week_start, cartons FROM tier_weekly_total WHERE week_start BETWEEN :from AND :to")
				.param("from", weeks.get(0)).param("to", weeks.get(WEEKS - 1))
				.query((rs, n) -> before.put(rs.getInt("tier") + "/" + rs.getDate("week_start").toLocalDate(), rs.getInt("cartons"))).list();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
		int changed = 0;
		for (Cell cell : cells) {
			Integer was = before.get(cell.tier() + "/" + cell.week());
			if (Objects.equals(was, cell.cartons())) {
				continue;
			}
			if (cell.cartons() == null) {
				jdbc.sql("DELETE FROM tier_weekly_total WHERE tier = :t AND week_start = :w").param("t", cell.tier()).param("w", cell.week()).update();
			}
			else if (was == null) {
				jdbc.sql("INSERT INTO tier_weekly_total (tier, week_start, cartons) VALUES (:t, :w, :c)")
						.param("t", cell.tier()).param("w", cell.week()).param("c", cell.cartons()).update();
			}
			else {
				jdbc.sql("UPDATE tier_weekly_total SET cartons = :c WHERE tier = :t AND week_start = :w")
						.param("t", cell.tier()).param("w", cell.week()).param("c", cell.cartons()).update();
			}
			jdbc.sql("""
					INSERT INTO tier_weekly_total_change (tier, week_start, from_cartons, to_cartons, changed_by, changed_at)
					VALUES (:t, :w, :f, :c, :by, :at)""")
					.param("t", cell.tier()).param("w", cell.week()).param("f", was).param("c", cell.cartons()).param("by", by).param("at", now)
					.update();
			changed++;
		}
		return changed;
	}

	/** The latest changes, the newest first. */
	public List<Change> changes(int most) {
		return jdbc.sql("""
				SELECT tier, week_start, from_cartons, to_cartons, changed_by, changed_at FROM tier_weekly_total_change
				ORDER BY id DESC FETCH FIRST :n ROWS ONLY""")
				.param("n", most)
				.query((rs, n) -> new Change(rs.getInt("tier"), rs.getDate("week_start").toLocalDate(), (Integer) rs.getObject("from_cartons", Integer.class),
						(Integer) rs.getObject("to_cartons", Integer.class), rs.getString("changed_by"), rs.getTimestamp("changed_at").toLocalDateTime()))
				.list();
	}
}
