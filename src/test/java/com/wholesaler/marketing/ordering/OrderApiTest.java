package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;

/** The order desk's API as the order page (and a hostile colleague) would call it. */
@IntegrationTest
class OrderApiTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private final ObjectMapper json = new ObjectMapper();

	private static List<String> retailers;
	private static String limited;
	private static String plain;

	@BeforeEach
	void aRouteOfTodayWithALimitedProduct() {
		if (retailers != null) {
			return;
		}
		retailers = TodaysRoute.forClerk(jdbc, "T-API", "clerk1", 3);
		List<String> stocked = jdbc.queryForList("""
				SELECT p.code FROM product p JOIN stock s ON s.product_code = p.code
				WHERE p.status = 'ACTIVE' AND s.on_hand - s.reserved > 1000
				  AND NOT EXISTS (SELECT 1 FROM allocation_limit a WHERE a.product_code = p.code)
				  AND NOT EXISTS (SELECT 1 FROM shortage_case c WHERE c.product_code = p.code)
				ORDER BY p.code DESC FETCH FIRST 3 ROWS ONLY""", String.class);
		limited = stocked.get(0);
		plain = stocked.get(1);
		TodaysRoute.limit(jdbc, "SS-TEST-API", limited, 5);
	}

	@Test
	void theClerkGetsTheDaysListWithWhatEachMayStillOrder() throws Exception {
		ResponseEntity<String> list = clerk().getForEntity("/api/call-lists/today", String.class);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = json.readTree(list.getBody());
		assertThat(body.path("retailers").findValuesAsText("retailerCode")).containsAll(retailers);
		assertThat(body.path("limits").findValuesAsText("productCode")).contains(limited);

		assertThat(rest.withBasicAuth("director", "demo").getForEntity("/api/call-lists/today", String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.getForEntity("/api/call-lists/today", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aLineOverTheWeeklyLimitIsRefusedWithWhatIsLeftAndNothingIsSaved() throws Exception {
		String retailer = retailers.get(0);
		int reservedBefore = reserved(limited);
		int soldBefore = soldToday(limited);
		ResponseEntity<String> first = order(retailer, Map.of(limited, 3, plain, 2));
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode placed = json.readTree(first.getBody());
		assertThat(placed.path("orderNumber").asText()).matches("DH\\d{8}");
		assertThat(placed.path("cartons").asInt()).isEqualTo(5);
		assertThat(placed.path("amount").decimalValue()).isEqualByComparingTo(
				price(limited).multiply(java.math.BigDecimal.valueOf(3)).add(price(plain).multiply(java.math.BigDecimal.valueOf(2))));
		assertThat(reserved(limited)).isEqualTo(reservedBefore + 3);
		assertThat(soldToday(limited)).as("the order is today's sales").isEqualTo(soldBefore + 3);

		long orders = count();
		int plainHeld = reserved(plain);
		ResponseEntity<String> over = order(retailer, Map.of(limited, 4, plain, 1));
		assertThat(over.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		JsonNode refused = json.readTree(over.getBody()).path("refusedLines");
		assertThat(refused).hasSize(1);
		assertThat(refused.get(0).path("productCode").asText()).isEqualTo(limited);
		assertThat(refused.get(0).path("limit").asInt()).isEqualTo(5);
		assertThat(refused.get(0).path("left").asInt()).isEqualTo(2);
		assertThat(json.readTree(over.getBody()).path("message").asText()).contains("本週限量 5 條，尚可訂 2 條");
		assertThat(count()).as("nothing saved").isEqualTo(orders);
		assertThat(reserved(limited)).as("no stock held").isEqualTo(reservedBefore + 3);
		assertThat(reserved(plain)).as("the line that fitted is not held either").isEqualTo(plainHeld);
		assertThat(unmet(retailer, limited)).as("asked beyond the limit is kept").isEqualTo(2);
		assertThat(order(retailer, Map.of(limited, 4)).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(unmet(retailer, limited)).as("asked again: the larger figure, not the sum").isEqualTo(2);

		assertThat(order(retailer, Map.of(limited, 2)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void theTiersWeeklyTotalAndTheStockStopAnOrderToo() throws Exception {
		String retailer = retailers.get(1);
		int tier = TodaysRoute.tierOf(jdbc, retailer);
		java.time.LocalDate week = java.time.LocalDate.now(BusinessTime.ZONE).with(java.time.DayOfWeek.MONDAY);
		jdbc.update("INSERT INTO tier_weekly_total (tier, week_start, cartons) VALUES (?, ?, 10)", tier, week);
		assertThat(order(retailer, Map.of(plain, 8)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<String> over = order(retailer, Map.of(plain, 5));
		assertThat(over.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(json.readTree(over.getBody()).path("refusedLines").get(0).path("left").asInt()).isEqualTo(2);

		String scarce = jdbc.queryForObject("SELECT code FROM product WHERE status = 'ACTIVE' AND code NOT IN (?, ?) ORDER BY code FETCH FIRST 1 ROWS ONLY",
				String.class, limited, plain);
		int held = reserved(scarce);
		int onHand = jdbc.queryForObject("SELECT on_hand FROM stock WHERE product_code = ?", Integer.class, scarce);
		jdbc.update("UPDATE stock SET reserved = ? WHERE product_code = ?", Math.max(0, onHand - 1), scarce);
		try {
			ResponseEntity<String> noStock = order(retailers.get(2), Map.of(scarce, 2));
			assertThat(noStock.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
			assertThat(json.readTree(noStock.getBody()).path("message").asText()).contains("庫存可供");
		}
		finally {
			jdbc.update("UPDATE stock SET reserved = ? WHERE product_code = ?", held, scarce);
		}
	}

	@Test
	void badInputIsRefusedInChineseAndChangesNothing() throws Exception {
		long orders = count();
		String retailer = retailers.get(2);
		assertBadRequest(order(retailer, Map.of(plain, -3)), "數量必須是正整數");
		assertBadRequest(order(retailer, Map.of("P9999", 3)), "找不到在銷的捲菸規格");
		assertBadRequest(post(clerk(), "{\"retailerCode\":\"" + retailer + "\",\"outcome\":\"MAYBE\",\"startedAt\":\"2026-12-02T09:00:00\",\"endedAt\":\"2026-12-02T09:01:00\"}"),
				"通話結果應為");
		assertBadRequest(post(clerk(), "{\"retailerCode\":"), "請求內容不是所需的 JSON");
		assertBadRequest(post(clerk(), body(retailer, "NO_ANSWER", Map.of(plain, 1))), "只有接通的電話才有訂單行");
		String elsewhere = jdbc.queryForObject("SELECT MIN(code) FROM retailer WHERE route_code <> 'T-API'", String.class);
		ResponseEntity<String> notMine = order(elsewhere, Map.of(plain, 1));
		assertThat(notMine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(notMine.getBody()).contains("不在您今天的訪銷列表中");
		ResponseEntity<String> notAClerk = post(rest.withBasicAuth("seatlead", "demo"), body(retailer, "CONNECTED", Map.of(plain, 1)));
		assertThat(notAClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(count()).isEqualTo(orders);

		ResponseEntity<String> noAnswer = post(clerk(), body(retailer, "NO_ANSWER", Map.of()));
		assertThat(noAnswer.getStatusCode()).as("a call without answer is recorded too").isEqualTo(HttpStatus.CREATED);
		assertThat(count()).isEqualTo(orders + 1);
	}

	/** The desk's session carries the page's CSRF token; a page elsewhere that makes the clerk's browser post gets 403. */
	@Test
	void fromTheDesksSessionOnlyWithThePagesCsrfToken() throws Exception {
		com.wholesaler.marketing.PortalSession desk = com.wholesaler.marketing.PortalSession.signIn(port, "clerk1", "demo");
		String page = desk.get("/orders/desk").body();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
		java.util.regex.Matcher header = java.util.regex.Pattern.compile("name=\"csrf-header\" content=\"([^\"]+)\"").matcher(page);
		assertThat(token.find() && header.find()).as("the desk page carries its CSRF token").isTrue();
		long orders = count();
		String call = body(retailers.get(2), "NO_ANSWER", Map.of());
		assertThat(desk.postJson("/api/orders", call).statusCode()).isEqualTo(403);
		assertThat(desk.postJson("/api/orders", call, header.group(1), "not-the-token").statusCode()).isEqualTo(403);
		assertThat(count()).isEqualTo(orders);
		assertThat(desk.postJson("/api/orders", call, header.group(1), token.group(1)).statusCode()).isEqualTo(201);
		assertThat(count()).isEqualTo(orders + 1);
	}

	@Test
	void aClerkNotesSpecialEventsOfTheDayForTheSeatLeader() throws Exception {
		long before = events();
		ResponseEntity<String> product = postTo("/api/special-events", clerk(),
				json.writeValueAsString(Map.of("kind", "PRODUCT", "productCode", plain.toLowerCase(), "note", "客戶反映條盒破損")));
		assertThat(product.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(json.readTree(product.getBody()).path("kind").asText()).isEqualTo("PRODUCT");
		assertThat(postTo("/api/special-events", clerk(), json.writeValueAsString(Map.of("kind", "DEVICE", "note", "耳機雜音")))
				.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(jdbc.queryForObject("SELECT product_code FROM special_event WHERE note = '客戶反映條盒破損'", String.class)).isEqualTo(plain);
		// a product anomaly opens a product-quality case that the rules give to the general administrator
		String feedback = json.readTree(product.getBody()).path("feedbackNumber").asText();
		assertThat(jdbc.queryForObject("SELECT feedback_number FROM special_event WHERE note = '客戶反映條盒破損'", String.class))
				.isEqualTo(feedback);
		assertThat(jdbc.queryForMap("SELECT topic, answering_group, retailer_code, product_code FROM retailer_feedback WHERE feedback_number = ?",
				feedback)).containsEntry("TOPIC", "QUALITY").containsEntry("ANSWERING_GROUP", "generalAdmin").containsEntry("PRODUCT_CODE", plain)
				.containsEntry("RETAILER_CODE", null);
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(feedback).taskCandidateGroup("generalAdmin").count()).isEqualTo(1);

		assertBadRequest(postTo("/api/special-events", clerk(), json.writeValueAsString(Map.of("kind", "CUSTOMER", "note", "態度差"))),
				"請選擇零售客戶");
		assertBadRequest(postTo("/api/special-events", clerk(), json.writeValueAsString(Map.of("kind", "DEVICE", "note", " "))),
				"請簡要寫明情況");
		assertBadRequest(postTo("/api/special-events", clerk(), json.writeValueAsString(Map.of("kind", "WEATHER", "note", "下雨"))),
				"類別應為");
		assertBadRequest(postTo("/api/special-events", clerk(), json.writeValueAsString(Map.of("kind", "PRODUCT", "productCode", "P9999",
				"note", "無此規格"))), "找不到捲菸規格");
		assertThat(postTo("/api/special-events", rest.withBasicAuth("director", "demo"),
				json.writeValueAsString(Map.of("kind", "DEVICE", "note", "試試"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(events()).isEqualTo(before + 2);
	}

	private long events() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM special_event", Long.class);
	}

	private void assertBadRequest(ResponseEntity<String> response, String message) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains(message).doesNotContain("Exception");
	}

	private TestRestTemplate clerk() {
		return rest.withBasicAuth("clerk1", "demo");
	}

	private ResponseEntity<String> order(String retailer, Map<String, Integer> lines) throws Exception {
		return post(clerk(), body(retailer, "CONNECTED", lines));
	}

	private String body(String retailer, String outcome, Map<String, Integer> lines) throws Exception {
		LocalDateTime now = LocalDateTime.now(BusinessTime.ZONE);
		return json.writeValueAsString(Map.of("retailerCode", retailer, "outcome", outcome, "startedAt", now.minusMinutes(2).toString(),
				"endedAt", now.toString(), "paymentReminded", true,
				"lines", lines.entrySet().stream().map(e -> Map.of("productCode", e.getKey(), "cartons", e.getValue())).toList()));
	}

	private static ResponseEntity<String> post(TestRestTemplate as, String body) {
		return postTo("/api/orders", as, body);
	}

	private static ResponseEntity<String> postTo(String path, TestRestTemplate as, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return as.postForEntity(path, new HttpEntity<>(body, headers), String.class);
	}

	private long count() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM phone_order", Long.class);
	}

	private int unmet(String retailer, String product) {
		return jdbc.queryForObject("SELECT COALESCE(SUM(cartons), 0) FROM unmet_demand WHERE retailer_code = ? AND product_code = ?",
				Integer.class, retailer, product);
	}

	private int soldToday(String product) {
		return jdbc.queryForObject("SELECT COALESCE(SUM(cartons), 0) FROM daily_sales WHERE product_code = ? AND sales_date = ?", Integer.class,
				product, java.time.LocalDate.now(BusinessTime.ZONE));
	}

	private int reserved(String product) {
		return jdbc.queryForObject("SELECT reserved FROM stock WHERE product_code = ?", Integer.class, product);
	}

	private java.math.BigDecimal price(String product) {
		return jdbc.queryForObject("SELECT wholesale_price FROM product WHERE code = ?", java.math.BigDecimal.class, product);
	}
}
