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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;

/** 訂單更正: the seat leader lowers a line with a reason; the counts, the stock and the day's sales follow; nobody else may. */
@IntegrationTest
class OrderCorrectionsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theSeatLeaderLowersALineAndWhatItFreesIsFreeAgain() throws Exception {
		String retailer = TodaysRoute.forClerk(jdbc, "T-CORR", "clerk1", 1).get(0);
		List<String> stocked = jdbc.queryForList("""
				SELECT p.code FROM product p JOIN stock s ON s.product_code = p.code
				WHERE p.status = 'ACTIVE' AND s.on_hand - s.reserved > 1000
				  AND NOT EXISTS (SELECT 1 FROM allocation_limit a WHERE a.product_code = p.code)
				ORDER BY p.code OFFSET 5 ROWS FETCH FIRST 2 ROWS ONLY""", String.class);
		String limited = stocked.get(0);
		String plain = stocked.get(1);
		TodaysRoute.limit(jdbc, "SS-TEST-CORR", limited, 5);
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		LocalDate week = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

		ResponseEntity<String> placed = order(retailer, Map.of(limited, 5, plain, 4));
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String number = json.readTree(placed.getBody()).path("orderNumber").asText();
		assertThat(order(retailer, Map.of(limited, 1)).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		int reserved = reserved(limited);
		int sold = sold(limited, today);
		int weekTotal = weekTotal(retailer, week);

		assertBadRequest(correct(seatLeader(), number, limited, 2, " "), "請寫明更正原因");
		assertBadRequest(correct(seatLeader(), number, limited, 6, "多訂"), "更正只能減少條數");
		assertBadRequest(correct(seatLeader(), number, limited, -1, "負數"), "0 或正整數");
		assertBadRequest(correct(seatLeader(), number, "P9999", 1, "無此行"), "沒有規格");
		assertBadRequest(correct(seatLeader(), "DH99999999", limited, 1, "無此單"), "找不到訂單");
		assertBadRequest(correct(seatLeader(), "ORDER12", limited, 1, "亂填"), "格式不對");
		assertThat(correct(rest.withBasicAuth("clerk1", "demo"), number, limited, 2, "自己改").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(line(number, limited)).isEqualTo(5);

		ResponseEntity<String> corrected = correct(seatLeader(), number, limited, 2, "客戶來電減訂");
		assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(corrected.getBody()).path("cartons").asInt()).isEqualTo(6);
		assertThat(line(number, limited)).isEqualTo(2);
		assertThat(reserved(limited)).isEqualTo(reserved - 3);
		assertThat(sold(limited, today)).isEqualTo(sold - 3);
		assertThat(weekTotal(retailer, week)).isEqualTo(weekTotal - 3);
		assertThat(jdbc.queryForObject("SELECT cartons FROM retailer_week_product WHERE retailer_code = ? AND product_code = ? AND week_start = ?",
				Integer.class, retailer, limited, week)).isEqualTo(2);
		// the three cartons freed are within the limit again
		assertThat(order(retailer, Map.of(limited, 3)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		// through the page: the line removed
		mvc.perform(post("/orders/corrections/{n}", number).param("retailer", retailer).param("productCode", plain).param("cartons", "0")
				.param("reason", "錄入有誤").with(user("seatlead").authorities(() -> "seatLeader")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phone_order_line WHERE order_id = ? AND product_code = ?", Long.class,
				Long.parseLong(number.substring(2)), plain)).isZero();
		mvc.perform(post("/orders/corrections/{n}", number).param("retailer", retailer).param("productCode", limited).param("cartons", "1")
				.param("reason", "").with(user("seatlead").authorities(() -> "seatLeader")).with(csrf()))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("請寫明更正原因")));
		mvc.perform(get("/orders/corrections").param("retailer", retailer).with(user("seatlead").authorities(() -> "seatLeader")))
				.andExpect(status().isOk()).andExpect(content().string(containsString(number)))
				.andExpect(content().string(containsString("客戶來電減訂"))).andExpect(content().string(containsString("錄入有誤")));
		assertThat(jdbc.queryForList("SELECT reason FROM phone_order_correction WHERE order_id = ? ORDER BY id", String.class,
				Long.parseLong(number.substring(2)))).containsExactly("客戶來電減訂", "錄入有誤");
	}

	private int line(String number, String product) {
		return jdbc.queryForObject("SELECT cartons FROM phone_order_line WHERE order_id = ? AND product_code = ?", Integer.class,
				Long.parseLong(number.substring(2)), product);
	}

	private int reserved(String product) {
		return jdbc.queryForObject("SELECT reserved FROM stock WHERE product_code = ?", Integer.class, product);
	}

	private int sold(String product, LocalDate day) {
		return jdbc.queryForObject("SELECT cartons FROM daily_sales WHERE product_code = ? AND sales_date = ?", Integer.class, product, day);
	}

	private int weekTotal(String retailer, LocalDate week) {
		return jdbc.queryForObject("SELECT cartons FROM retailer_week_total WHERE retailer_code = ? AND week_start = ?", Integer.class, retailer, week);
	}

	private TestRestTemplate seatLeader() {
		return rest.withBasicAuth("seatlead", "demo");
	}

	private ResponseEntity<String> correct(TestRestTemplate as, String number, String product, int cartons, String reason) throws Exception {
		return postJson(as, "/api/orders/" + number + "/corrections",
				json.writeValueAsString(Map.of("productCode", product, "cartons", cartons, "reason", reason)));
	}

	private ResponseEntity<String> order(String retailer, Map<String, Integer> lines) throws Exception {
		LocalDateTime now = LocalDateTime.now(BusinessTime.ZONE);
		return postJson(rest.withBasicAuth("clerk1", "demo"), "/api/orders", json.writeValueAsString(Map.of("retailerCode", retailer,
				"outcome", "CONNECTED", "startedAt", now.minusMinutes(2).toString(), "endedAt", now.toString(), "paymentReminded", true,
				"lines", lines.entrySet().stream().map(e -> Map.of("productCode", e.getKey(), "cartons", e.getValue())).toList())));
	}

	private static ResponseEntity<String> postJson(TestRestTemplate as, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as.postForEntity(path, new HttpEntity<>(body, headers), String.class);
	}

	private static void assertBadRequest(ResponseEntity<String> response, String message) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains(message).doesNotContain("Exception");
	}
}
