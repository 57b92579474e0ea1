package com.wholesaler.marketing.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.People;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;

/** The routes (線路) and who calls them: made once from the retailers, then given to clerks by the seat leader. */
@Repository
public class Routes {

	/** Routes per region and weekday when the retailers are spread: about 150 retailers each for the demo city. */
	static final int ROUTES_PER_REGION_AND_DAY = 5;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final People people;
	private final Clock clock;

	Routes(JdbcClient jdbc, JdbcTemplate batch, People people, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.people = people;
		this.clock = clock;
	}

	public List<Route> all() {
		return jdbc.sql("""
				SELECT r.code, r.name, r.region_code, r.order_weekday, r.clerk,
				       (SELECT COUNT(*) FROM retailer t WHERE t.route_code = r.code AND t.status = 'ACTIVE') AS retailers
				FROM route r ORDER BY r.order_weekday, r.code""")
				.query((rs, n) -> new Route(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
						DayOfWeek.of(rs.getInt("order_weekday")), rs.getString("clerk"), rs.getInt("retailers")))
				.list();
	}

	public boolean any() {
		return jdbc.sql("SELECT COUNT(*) FROM route").query(Long.class).single() > 0;
	}

	/**
	 * Spreads every active retailer without a route evenly over the weekdays Monday to Friday and over
	 * {@link #ROUTES_PER_REGION_AND_DAY} routes per region and day, in the order of their codes, and
	 * gives the routes to the clerks in turn.
	 */
	@Transactional
	public void spreadEvenly(List<String> clerks) {
		List<String> regions = jdbc.sql("SELECT code FROM region ORDER BY code").query(String.class).list();
		List<Object[]> routes = new ArrayList<>();
		int turn = 0;
		for (String region : regions) {
			for (int day = 1; day <= 5; day++) {
				for (int r = 1; r <= ROUTES_PER_REGION_AND_DAY; r++) {
					String clerk = clerks.isEmpty() ? null : clerks.get(turn++ % clerks.size());
					routes.add(new Object[] {code(region, day, r), "%s 週%s 第%d線".formatted(region, "一二三四五".charAt(day - 1), r), region, day, clerk});
				}
			}
		}
		batch.batchUpdate("INSERT INTO route (code, name, region_code, order_weekday, clerk) VALUES (?, ?, ?, ?, ?)", routes);
		List<Object[]> assignments = new ArrayList<>();
		for (String region : regions) {
			List<String> retailers = jdbc.sql("SELECT code FROM retailer WHERE region_code = :r AND route_code IS NULL AND status = 'ACTIVE' ORDER BY code")
					.param("r", region).query(String.class).list();
			int slots = 5 * ROUTES_PER_REGION_AND_DAY;
			for (int i = 0; i < retailers.size(); i++) {
				int slot = i % slots;
				assignments.add(new Object[] {code(region, slot % 5 + 1, slot / 5 + 1), retailers.get(i)});
			}
		}
		batch.batchUpdate("UPDATE retailer SET route_code = ? WHERE code = ?", assignments);
	}

	/** A route's change of clerk, as kept. */
	public record Assignment(String routeCode, String fromClerk, String toClerk, String changedBy, LocalDateTime changedAt) {
	}

	/**
	 * The seat leader (or the order-department head) gives a route to a phone clerk, or takes it back
	 * with a blank clerk; the change is kept. Today's list changes at once; the day's task of a clerk
	 * who had none this morning comes with tomorrow's lists.
	 */
	@Transactional
	public void assign(String routeCode, String clerk, String by, Set<String> groups) {
		if (!groups.contains(Role.SEAT_LEADER.groupId()) && !groups.contains(Role.ORDER_DEPT_HEAD.groupId())) {
			throw new ActionForbidden("線路由坐席班長分配 (only the seat leader assigns routes)");
		}
		String to = clerk == null || clerk.isBlank() ? null : clerk.strip();
		if (to != null && !people.groupsOf(to).contains(Role.PHONE_CLERK.groupId())) {
			throw new BusinessRuleException("「%s」不是電話訂貨員 (not a phone clerk)".formatted(BusinessTime.abbreviated(to)));
		}
		String code = routeCode == null ? "" : routeCode.strip().toUpperCase(java.util.Locale.ROOT);
		String from = jdbc.sql("SELECT clerk FROM route WHERE code = :code").param("code", code).query(String.class).optional().orElse(null);
		if (jdbc.sql("UPDATE route SET clerk = :clerk WHERE code = :code").param("clerk", to).param("code", code).update() == 0) {
			throw new BusinessRuleException("找不到線路「%s」(unknown route)".formatted(BusinessTime.abbreviated(code)));
		}
		if (!java.util.Objects.equals(from, to)) {
			jdbc.sql("INSERT INTO route_assignment (route_code, from_clerk, to_clerk, changed_by, changed_at) VALUES (:r, :f, :t, :by, :at)")
					.param("r", code).param("f", from).param("t", to).param("by", by).param("at", Timestamp.valueOf(LocalDateTime.now(clock)))
					.update();
		}
	}

	/** The latest changes of clerk, the newest first. */
	public List<Assignment> changes(int most) {
		return jdbc.sql("SELECT route_code, from_clerk, to_clerk, changed_by, changed_at FROM route_assignment ORDER BY id DESC FETCH FIRST :n ROWS ONLY")
				.param("n", most)
				.query((rs, n) -> new Assignment(rs.getString("route_code"), rs.getString("from_clerk"), rs.getString("to_clerk"),
						rs.getString("changed_by"), rs.getTimestamp("changed_at").toLocalDateTime()))
				.list();
	}

	private static String code(String region, int day, int route) {
		return "%s-%d-%02d".formatted(region, day, route);
	}
}
