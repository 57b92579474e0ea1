package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;

/** The seat leader gives routes to clerks; the supply manager sets the tiers' weekly totals; both kept and checked on the server. */
@IntegrationTest
class SeatPlanningPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TierTotals totals;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theSeatLeaderMovesARouteToAnotherClerkAndTheListsFollow() throws Exception {
		List<String> retailers = TodaysRoute.forClerk(jdbc, "T-ROUTES", "clerk1", 2);
		mvc.perform(get("/orders/routes").with(seatLeader())).andExpect(status().isOk())
				.andExpect(content().string(containsString("clerk1"))).andExpect(content().string(containsString("坐席工作量")));

		mvc.perform(post("/orders/routes/{code}", "T-ROUTES").param("clerk", "director").with(seatLeader()).with(csrf()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("不是電話訂貨員")));
		mvc.perform(post("/orders/routes/{code}", "NO-SUCH").param("clerk", "clerk2").with(seatLeader()).with(csrf()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("找不到線路")));
		mvc.perform(post("/orders/routes/{code}", "T-ROUTES").param("clerk", "clerk2")
				.with(user("clerk1").authorities(() -> "phoneClerk")).with(csrf())).andExpect(status().isForbidden());
		assertThat(clerkOf("T-ROUTES")).isEqualTo("clerk1");
		assertThat(onList("clerk1")).containsAll(retailers);

		mvc.perform(post("/orders/routes/{code}", "T-ROUTES").param("clerk", "clerk2").with(seatLeader()).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(clerkOf("T-ROUTES")).isEqualTo("clerk2");
		assertThat(onList("clerk2")).containsAll(retailers);
		assertThat(onList("clerk1")).doesNotContainAnyElementsOf(retailers);
		assertThat(jdbc.queryForMap("SELECT from_clerk, to_clerk, changed_by FROM route_assignment WHERE route_code = 'T-ROUTES'"))
				.containsEntry("FROM_CLERK", "clerk1").containsEntry("TO_CLERK", "clerk2").containsEntry("CHANGED_BY", "seatlead");

		mvc.perform(post("/orders/routes/{code}", "T-ROUTES").param("clerk", "clerk1").with(seatLeader()).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM route_assignment WHERE route_code = 'T-ROUTES'", Long.class)).isEqualTo(2);
	}

	@Test
	void theSupplyManagerSetsATiersWeeklyTotalAndABadCellRefusesTheWholeForm() throws Exception {
		LocalDate monday = LocalDate.now(BusinessTime.ZONE).with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		// a week no other test orders in
		LocalDate week = monday.plusWeeks(4);
		String cell = "t7w" + week;
		mvc.perform(get("/orders/tier-totals").with(user("supply").authorities(() -> "supplyManager"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"" + cell + "\"")));

		mvc.perform(post("/orders/tier-totals").param(cell, "40").param("t8w" + week, "abc").with(supplyManager()).with(csrf()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("不是整數條數")))
				.andExpect(content().string(containsString("value=\"abc\"")));
		mvc.perform(post("/orders/tier-totals").param(cell, "40").param("t8w" + monday.minusWeeks(1), "40").with(supplyManager()).with(csrf()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("只能設定本週起")));
		mvc.perform(post("/orders/tier-totals").param(cell, "-1").with(supplyManager()).with(csrf()))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/orders/tier-totals").param(cell, "40").with(user("seatlead").authorities(() -> "seatLeader")).with(csrf()))
				.andExpect(status().isForbidden());
		assertThat(total(7, week)).isZero();

		mvc.perform(post("/orders/tier-totals").param(cell, "40").param("t8w" + week, "").with(supplyManager()).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT cartons FROM tier_weekly_total WHERE tier = 7 AND week_start = ?", Integer.class, week)).isEqualTo(40);
		mvc.perform(post("/orders/tier-totals").param(cell, "").with(supplyManager()).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(total(7, week)).isZero();
		assertThat(jdbc.queryForList("SELECT to_cartons FROM tier_weekly_total_change WHERE tier = 7 AND week_start = ? ORDER BY id",
				Integer.class, week)).containsExactly(40, null);
		// what helps set a total: the tier's average weekly order per retailer over the four weeks before, from the orders
		TierTotals.Row seven = totals.table().get(6);
		long ordered = jdbc.queryForObject("""
				SELECT COALESCE(SUM(o.cartons), 0) FROM phone_order o JOIN retailer t ON t.code = o.retailer_code
				WHERE t.tier = 7 AND o.call_date >= ? AND o.call_date < ?""", Long.class, monday.minusWeeks(4), monday);
		assertThat(ordered).as("the demo history has orders of tier 7").isPositive();
		assertThat(seven.averageWeekly()).isCloseTo(ordered / (seven.retailers() * 4.0), org.assertj.core.data.Offset.offset(0.001));
	}

	private long total(int tier, LocalDate week) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM tier_weekly_total WHERE tier = ? AND week_start = ?", Long.class, tier, week);
	}

	private String clerkOf(String route) {
		return jdbc.queryForObject("SELECT clerk FROM route WHERE code = ?", String.class, route);
	}

	private List<String> onList(String clerk) throws Exception {
		JsonNode list = json.readTree(rest.withBasicAuth(clerk, "demo").getForEntity("/api/call-lists/today", String.class).getBody());
		return list.path("retailers").findValuesAsText("retailerCode");
	}

	private static RequestPostProcessor seatLeader() {
		return user("seatlead").authorities(() -> "seatLeader");
	}

	private static RequestPostProcessor supplyManager() {
		return user("supply").authorities(() -> "supplyManager");
	}
}
