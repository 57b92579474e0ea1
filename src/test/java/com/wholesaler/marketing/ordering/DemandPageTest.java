package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.IntegrationTest;

/** The supply manager reads what was ordered and what was asked beyond limits and stock, per product. */
@IntegrationTest
class DemandPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void orderedAndUnmetPerProductTheMostUnmetFirst() throws Exception {
		LocalDate day = LocalDate.of(2027, 6, 2);
		String quiet = jdbc.queryForObject("SELECT MIN(code) FROM product WHERE status = 'ACTIVE'", String.class);
		String wanted = jdbc.queryForObject("SELECT MAX(code) FROM product WHERE status = 'ACTIVE'", String.class);
		String retailer = jdbc.queryForObject("SELECT MIN(code) FROM retailer", String.class);
		jdbc.update("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, 500)", quiet, day);
		jdbc.update("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, 30)", wanted, day);
		jdbc.update("INSERT INTO unmet_demand VALUES (?, ?, ?, 'STOCK', 10, 'clerk1')", day, retailer, wanted);

		String page = mvc.perform(get("/orders/demand").param("from", "2027-06-01").param("to", "2027-06-07")
				.with(user("supply").authorities(() -> "supplyManager")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("客戶需求").contains("25.0%");
		assertThat(page.indexOf(wanted)).as("the most unmet first").isLessThan(page.indexOf(quiet)).isPositive();

		String bad = mvc.perform(get("/orders/demand").param("from", "2027-06-07").param("to", "2027-01-01")
				.with(user("supply").authorities(() -> "supplyManager")))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(bad).contains("起止日期").doesNotContain("Exception");
	}
}
