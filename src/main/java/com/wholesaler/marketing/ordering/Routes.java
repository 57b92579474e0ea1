package com.wholesaler.marketing.ordering;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** The routes (線路) and who calls them: made once from the retailers, then given to clerks by the seat leader. */
@Repository
public class Routes {

	/** Routes per region and weekday when the retailers are spread: about 150 retailers each for the demo city. */
	static final int ROUTES_PER_REGION_AND_DAY = 5;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	Routes(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
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

	/** The seat leader gives a route to a clerk (or takes it back with null). */
	@Transactional
	public void assign(String routeCode, String clerk) {
		if (jdbc.sql("UPDATE route SET clerk = :clerk WHERE code = :code").param("clerk", clerk).param("code", routeCode).update() == 0) {
			throw new BusinessRuleException("找不到線路「%s」(unknown route)".formatted(routeCode));
		}
	}

	private static String code(String region, int day, int route) {
		return "%s-%d-%02d".formatted(region, day, route);
	}
}
