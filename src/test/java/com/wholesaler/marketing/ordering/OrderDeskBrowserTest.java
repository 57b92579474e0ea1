package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.WorkingCalendar;

/**
 * The order department's day in a browser: clerk1 picks up the day's call list in Tasklist, works it
 * on the order desk by keyboard (a line over the limit is refused, then three orders go through),
 * notes a special event, files the work log in Tasklist; the seat leader sees the figures change.
 */
@IntegrationTest
class OrderDeskBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	CallDays days;

	@Test
	void theClerkPicksUpTheDayEntersOrdersFilesTheLogAndTheSeatLeaderSeesTheFigures() {
		List<String> retailers = TodaysRoute.forClerk(jdbc, "T-DESK", "clerk1", 3);
		List<String> stocked = jdbc.queryForList("""
				SELECT p.code FROM product p JOIN stock s ON s.product_code = p.code
				WHERE p.status = 'ACTIVE' AND s.on_hand - s.reserved > 1000
				  AND NOT EXISTS (SELECT 1 FROM allocation_limit a WHERE a.product_code = p.code)
				  AND NOT EXISTS (SELECT 1 FROM shortage_case c WHERE c.product_code = p.code)
				ORDER BY p.code FETCH FIRST 2 ROWS ONLY""", String.class);
		String limited = stocked.get(0);
		String limitedName = jdbc.queryForObject("SELECT name FROM product WHERE code = ?", String.class, limited);
		TodaysRoute.limit(jdbc, "SS-TEST-DESK", limited, 2);
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM phone_order WHERE clerk = 'clerk1'", Long.class);
		LocalDate today = LocalDate.now(BusinessTime.ZONE);
		jdbc.update("""
				INSERT INTO call_notice (kind, title, body, valid_from, valid_to, published_by, published_at)
				VALUES ('POLICY', '春節前訂貨提醒', '春節前最後一次送貨為臘月二十六，請提前備貨。', ?, ?, 'genadmin', CURRENT_TIMESTAMP)""", today, today);
		long notice = jdbc.queryForObject("SELECT MAX(id) FROM call_notice WHERE title = '春節前訂貨提醒'", Long.class);
		// the morning's lists of today, or of the next working day when the suite runs on a day off
		LocalDate listDay = LocalDate.now(BusinessTime.ZONE);
		while (!calendar.isWorkingDay(listDay)) {
			listDay = listDay.plusDays(1);
		}
		ClockUtil.setCurrentTime(Date.from(listDay.atTime(7, 30).atZone(BusinessTime.ZONE).toInstant()));
		try {
			runtimeService.startProcessInstanceByKey(CallDayProcess.PROCESS_ID);
		}
		finally {
			ClockUtil.reset();
		}
		Task day = taskService.createTaskQuery().processDefinitionKey(CallDayProcess.PROCESS_ID).taskAssignee("clerk1").singleResult();

		String callsBefore = seatLeaderSeesCalls(null);

		try (Browser browser = Browser.open(port)) {
			browser.signIn("clerk1", "demo");
			browser.go("/camunda/app/tasklist/default/#/?task=" + day.getId());
			browser.waitForText("今日訪銷 " + listDay);
			assertThat(browser.waitFor(By.cssSelector(".fjs-form a[href='/orders/desk']")).getText()).contains("打開訂貨台");
			// the task cards speak Chinese times too (marketing-dates.js), not "a few seconds ago"
			assertThat(browser.waitFor(By.cssSelector(".tasks-list")).getText()).containsPattern("(秒|分鐘|小時|天)(前|後)").doesNotContain(" ago");
			browser.screenshot("tasklist-clerk-day");

			browser.go("/orders/desk");
			WebElement filter = browser.waitFor(By.id("filter"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#retailers tr")).isEmpty());
			for (int i = 0; i < retailers.size(); i++) {
				filter.clear();
				filter.sendKeys(retailers.get(i), Keys.ENTER);
				WebElement product = browser.waitFor(By.cssSelector("#lines input.product"));
				product.sendKeys(i == 0 ? limitedName : stocked.get(1), Keys.ENTER);
				browser.driver().switchTo().activeElement().sendKeys(i == 0 ? "3" : "2");
				browser.driver().findElement(By.id("payment-reminded")).click();
				if (i == 1) {
					// 宣傳方針政策: the notice read on this call is ticked and goes with the order
					WebElement told = browser.waitFor(By.cssSelector("#notices input[value='" + notice + "']"));
					assertThat(browser.driver().findElement(By.id("notices")).getText()).contains("春節前最後一次送貨為臘月二十六");
					told.click();
					browser.screenshot("order-desk-notice");
				}
				browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
				if (i == 0) {
					WebElement error = browser.waitFor(By.id("error"));
					assertThat(error.getText()).contains("本週限量 2 條，尚可訂 2 條");
					browser.screenshot("order-desk-refused");
					WebElement qty = browser.driver().findElement(By.cssSelector("#lines input.qty"));
					qty.clear();
					qty.sendKeys("2", Keys.chord(Keys.CONTROL, Keys.ENTER));
				}
				new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("message")).isDisplayed()
						&& d.findElement(By.id("message")).getText().contains("已確認"));
			}
			filter.clear();
			filter.sendKeys(retailers.get(0), Keys.ENTER);
			new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("feedback-topic"))).selectByValue("SUPPLY");
			browser.click(By.id("feedback-text")).sendKeys("問下週能否多給兩條", Keys.ENTER);
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("message")).getText().contains("KF-"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("feedback-open")).getText()
					.contains("待貨源管理員答覆"));
			browser.click(By.id("event-note")).sendKeys("下午兩點耳機斷線，換了備用耳機");
			browser.click(By.cssSelector("#event-form button"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("message")).getText().contains("已記錄"));
			browser.screenshot("order-desk-clerk1");

			browser.go("/camunda/app/tasklist/default/#/?task=" + day.getId());
			browser.click(By.cssSelector(".fjs-form textarea")).sendKeys("其餘客戶明天補訪");
			browser.click(By.xpath("//button[normalize-space(.)='提交']"));
			LocalDate filedDay = listDay;
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> days.log(filedDay, "clerk1").orElseThrow().filed());
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phone_order WHERE clerk = 'clerk1'", Long.class)).isEqualTo(before + 3);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phone_order WHERE clerk = 'clerk1' AND payment_reminded", Long.class))
				.isGreaterThanOrEqualTo(3);
		assertThat(days.log(listDay, "clerk1").orElseThrow().remarks()).isEqualTo("其餘客戶明天補訪");
		assertThat(jdbc.queryForList("SELECT retailer_code FROM call_notice_told WHERE notice_id = ?", String.class, notice))
				.containsExactly(retailers.get(1));

		String callsAfter = seatLeaderSeesCalls("下午兩點耳機斷線");
		assertThat(Integer.parseInt(callsAfter.replace(",", ""))).isEqualTo(Integer.parseInt(callsBefore.replace(",", "")) + 3);
	}

	/** The seat leader opens today's figures; the number of calls, and the day's special event when given. */
	private String seatLeaderSeesCalls(String event) {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("seatlead", "demo");
			LocalDate today = LocalDate.now(BusinessTime.ZONE);
			browser.go("/orders/kpi?from=" + today + "&to=" + today);
			String calls = browser.waitFor(By.cssSelector("#total tbody td:nth-child(2)")).getText();
			if (event != null) {
				assertThat(browser.waitFor(By.id("events")).getText()).contains(event);
				assertThat(browser.driver().findElement(By.id("clerk-days")).getText()).contains("clerk1");
				browser.screenshot("order-figures-seatlead");
			}
			return calls;
		}
	}
}
