package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;

/** 宣傳方針政策: a notice published on its page is read to each retailer reached, once, and the call records it. */
@IntegrationTest
class CallNoticesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CallDays callDays;

	@Autowired
	CallNotices notices;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aNoticeIsReadToEachRetailerReachedOnceAndTheCallRecordsIt() throws Exception {
		List<String> retailers = TodaysRoute.forClerk(jdbc, "T-NOTICE", "clerk1", 2);
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		long before = notices();

		mvc.perform(publish("generalAdmin", "PRICE", "", "價格調整", today, today.plusDays(3)))
				.andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("請填寫標題")));
		mvc.perform(publish("generalAdmin", "NEW_PRODUCT", "新品上市", "請向客戶介紹", today, today.plusDays(3)))
				.andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("新品通知請填寫捲菸規格")));
		mvc.perform(publish("generalAdmin", "POLICY", "舊政策", "過期", today.minusDays(5), today.minusDays(1)))
				.andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("結束日期不能早於")));
		mvc.perform(publish("generalAdmin", "POLICY", "太長", "一百天", today, today.plusDays(100)))
				.andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("最長 92 天")));
		mvc.perform(publish("phoneClerk", "POLICY", "自己發", "坐席不發布", today, today.plusDays(1))).andExpect(status().isForbidden());
		assertThat(notices()).isEqualTo(before);

		mvc.perform(publish("generalAdmin", "POLICY", "下週起週六不送貨", "下週起週六暫停送貨，請提前一天訂貨。", today, today.plusDays(6)))
				.andExpect(status().is3xxRedirection());
		long notice = jdbc.queryForObject("SELECT MAX(id) FROM call_notice WHERE title = '下週起週六不送貨'", Long.class);

		JsonNode list = json.readTree(clerk().getForEntity("/api/call-lists/today", String.class).getBody());
		assertThat(list.path("notices").findValues("id").stream().map(JsonNode::asLong)).contains(notice);
		assertThat(untold(list, retailers.get(0))).contains(notice);

		assertBadRequest(call(retailers.get(0), "NO_ANSWER", List.of(notice)), "只有接通的電話才能告知通知");
		assertBadRequest(call(retailers.get(0), "CONNECTED", List.of(notice, 987654321L)), "不在有效期內");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phone_order WHERE retailer_code = ? AND call_date = ?", Long.class, retailers.get(0),
				today)).isZero();

		assertThat(call(retailers.get(0), "CONNECTED", List.of(notice)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		// told again on a second call the same day, it stays recorded once, on the first call
		assertThat(call(retailers.get(0), "CONNECTED", List.of(notice)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_notice_told WHERE notice_id = ?", Long.class, notice)).isEqualTo(1);

		list = json.readTree(clerk().getForEntity("/api/call-lists/today", String.class).getBody());
		assertThat(untold(list, retailers.get(0))).doesNotContain(notice);
		assertThat(untold(list, retailers.get(1))).contains(notice);

		mvc.perform(get("/orders/notices").with(user("seatlead").authorities(() -> "seatLeader")))
				.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("下週起週六不送貨")));

		mvc.perform(post("/orders/notices/{id}/withdraw", notice).with(user("clerk1").authorities(() -> "phoneClerk")).with(csrf()))
				.andExpect(status().isForbidden());
		mvc.perform(post("/orders/notices/{id}/withdraw", notice).with(user("generaladmin").authorities(() -> "generalAdmin")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		assertBadRequest(call(retailers.get(1), "CONNECTED", List.of(notice)), "不在有效期內");
		list = json.readTree(clerk().getForEntity("/api/call-lists/today", String.class).getBody());
		assertThat(untold(list, retailers.get(1))).doesNotContain(notice);
	}

	@Test
	void anApprovedPriceChangeIsReadToTheRetailersForAWeekFromTheMorningItTakesEffect() {
		// a working day no other test makes lists for, and a change from a price proposal the day before
		LocalDate day = LocalDate.of(2027, 6, 22);
		String product = jdbc.queryForObject("SELECT code FROM product WHERE status = 'ACTIVE' ORDER BY code FETCH FIRST 1 ROWS ONLY", String.class);
		java.math.BigDecimal old = jdbc.queryForObject("SELECT wholesale_price FROM product_price WHERE product_code = ? AND valid_to IS NULL",
				java.math.BigDecimal.class, product);
		jdbc.update("""
				INSERT INTO product_price (product_code, allocation_price, wholesale_price, retail_price, valid_from, valid_to, proposal_number)
				VALUES (?, 100.00, 123.45, 150.00, ?, ?, 'PA-TEST-NOTICE')""", product, day.minusDays(1), day.minusDays(1));

		assertThat(callDays.make(day)).isNotEmpty();
		Map<String, Object> notice = jdbc.queryForMap("SELECT kind, body, valid_from, valid_to, published_by FROM call_notice WHERE product_code = ? "
				+ "AND body LIKE '%PA-TEST-NOTICE%'", product);
		assertThat(notice.get("KIND")).isEqualTo("PRICE");
		assertThat((String) notice.get("BODY")).contains(product).contains("¥" + old.toPlainString() + " → ¥123.45").contains("¥150.00");
		assertThat(notice.get("VALID_FROM").toString()).isEqualTo(day.minusDays(1).toString());
		assertThat(notice.get("VALID_TO").toString()).isEqualTo(day.plusDays(5).toString());
		// made once, however often it is asked
		assertThat(notices.fromPriceChanges(day)).isZero();
		assertThat(notices.fromPriceChanges(day.plusDays(1))).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_notice WHERE body LIKE '%PA-TEST-NOTICE%'", Long.class)).isEqualTo(1);
	}

	private MockHttpServletRequestBuilder publish(String role, String kind, String title, String body, LocalDate from, LocalDate to) {
		return post("/orders/notices").with(user("someone").authorities(() -> role)).with(csrf())
				.param("kind", kind).param("title", title).param("body", body).param("productCode", "")
				.param("validFrom", from.toString()).param("validTo", to.toString());
	}

	private long notices() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM call_notice", Long.class);
	}

	private static List<Long> untold(JsonNode list, String retailer) {
		for (JsonNode entry : list.path("retailers")) {
			if (entry.path("retailerCode").asText().equals(retailer)) {
				return java.util.stream.StreamSupport.stream(entry.path("noticesUntold").spliterator(), false).map(JsonNode::asLong).toList();
			}
		}
		throw new AssertionError(retailer + " is not on the list");
	}

	private ResponseEntity<String> call(String retailer, String outcome, List<Long> told) throws Exception {
		LocalDateTime now = LocalDateTime.now(BusinessTime.ZONE);
		String body = json.writeValueAsString(Map.of("retailerCode", retailer, "outcome", outcome, "startedAt", now.minusMinutes(1).toString(),
				"endedAt", now.toString(), "paymentReminded", true, "lines", List.of(), "noticesTold", told));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return clerk().postForEntity("/api/orders", new HttpEntity<>(body, headers), String.class);
	}

	private static void assertBadRequest(ResponseEntity<String> response, String message) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains(message).doesNotContain("Exception");
	}

	private TestRestTemplate clerk() {
		return rest.withBasicAuth("clerk1", "demo");
	}
}
