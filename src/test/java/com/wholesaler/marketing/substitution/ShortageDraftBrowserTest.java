package com.wholesaler.marketing.substitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;

/** The supply manager adjusts a tier limit of the proposed plan, or adds a substitute found by name, and submits it in Tasklist. */
@IntegrationTest
class ShortageDraftBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ShortageCases cases;

	@Autowired
	Catalog catalog;

	@Test
	void theSupplyManagerAdjustsATierLimitAndSubmits() {
		Product p = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive)
				.filter(x -> cases.openCaseFor(x.code()).isEmpty() && !cases.handledToday(x.code()))
				.filter(x -> catalog.stockPosition(x.code()).orElseThrow().onHand() > 1_000)
				.reduce((a, b) -> b).orElseThrow();
		String instanceId = ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService
				.startProcessInstanceByKey(ShortageProcess.PROCESS_ID, Map.of(ShortageProcess.PRODUCT_CODE, p.code())).getId());
		String number = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
		int[] limits = cases.products(number).get(0).limits();
		int tier = 30;
		while (tier > 1 && limits[tier] == limits[tier - 1]) {
			tier--;
		}
		int newLimit = tier > 1 ? limits[tier - 1] : 0;
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

		try (Browser browser = Browser.open(port)) {
			claimInTasklist(browser, taskId, number);
			browser.click(By.cssSelector("textarea[id*='Field_LimitChanges']")).sendKeys(p.code() + " " + tier + " " + newLimit);
			browser.screenshot("tasklist-supply-adjusts-limit");
			browser.click(By.xpath("//button[normalize-space(.)='提交']"));
			try {
				new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
						cases.shortageCase(number).status() == ShortageStatus.IN_REVIEW);
			}
			catch (org.openqa.selenium.TimeoutException e) {
				browser.screenshot("tasklist-supply-submit-refused");
				String errors = browser.driver().findElements(By.cssSelector(".fjs-form-field-error, .fjs-has-errors, [class*='error']"))
						.stream().map(el -> el.getAttribute("class") + ":" + el.getText()).reduce("", (a, b) -> a + " | " + b);
				throw new AssertionError("form errors: " + errors + " / buttons: " + browser.driver().findElements(By.xpath("//button[normalize-space(.)='提交']"))
						.stream().map(b -> b.getAttribute("disabled") + "/" + b.getAttribute("class")).toList(), e);
			}
		}
		assertThat(cases.products(number).get(0).limits()[tier]).isEqualTo(newLimit);
		assertThat(cases.shortageCase(number).drafter()).isEqualTo("supply");
	}

	/** The supply manager opens the draft task in Tasklist and claims it. */
	private static void claimInTasklist(Browser browser, String taskId, String caseNumber) {
		browser.signIn("supply", "demo");
		browser.waitFor(By.id("stock-warning"));
		browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
		browser.waitForText(caseNumber);
		browser.click(By.xpath("//*[normalize-space(text())='認領']"));
	}
}
