package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;

/** The director signs in once and works in the portal and in Tasklist with the same session. */
@IntegrationTest
class OneLoginBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void theDirectorOpensThePortalThenTasklistWithoutASecondLogin() {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("director", "demo");
			browser.waitFor(By.id("stock-warning"));
			assertThat(browser.driver().getPageSource()).contains("我的待辦", "李明");
			browser.screenshot("portal-home-director");

			browser.driver().findElement(By.linkText("任務清單")).click();
			browser.waitForText("待我審批");
			assertThat(browser.driver().getCurrentUrl()).contains("/camunda/app/tasklist/");
			assertThat(browser.driver().findElements(By.id("username")))
					.as("Tasklist asks for no second login").isEmpty();
			browser.waitForText("發起流程");
			assertThat(browser.driver().getPageSource()).as("Tasklist speaks Chinese").doesNotContain("Start process");
			browser.screenshot("tasklist-director");

			browser.go("/products?priceClass=1");
			browser.waitFor(By.id("products"));
			browser.screenshot("portal-products");
			browser.go("/retailers");
			browser.waitFor(By.id("tier-region"));
			browser.screenshot("portal-retailers");
		}
	}

	@Test
	void theProcessOwnerSeesCockpitInChinese() {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("owner", "demo");
			browser.waitFor(By.id("stock-warning"));
			browser.driver().findElement(By.linkText("流程監控")).click();
			browser.waitForText("執行中流程實例");
			browser.screenshot("cockpit-owner");
		}
	}
}
