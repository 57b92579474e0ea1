package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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

/** clerk1 works the day's list on the order desk by keyboard: a line over the limit is refused, then three orders go through. */
@IntegrationTest
class OrderDeskBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theClerkEntersOrdersByKeyboardAndALineOverTheLimitIsRefused() {
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

		try (Browser browser = Browser.open(port)) {
			browser.signIn("clerk1", "demo");
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
			browser.screenshot("order-desk-clerk1");
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phone_order WHERE clerk = 'clerk1'", Long.class)).isEqualTo(before + 3);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phone_order WHERE clerk = 'clerk1' AND payment_reminded", Long.class))
				.isGreaterThanOrEqualTo(3);
	}
}
