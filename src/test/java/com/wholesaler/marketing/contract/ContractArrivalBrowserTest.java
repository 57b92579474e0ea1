package com.wholesaler.marketing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;

/** The general administrator pastes the scanned cases of a delivery into the arrival form in Tasklist. */
@IntegrationTest
class ContractArrivalBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Contracts contracts;

	@Autowired
	Catalog catalog;

	@Test
	void genadminConfirmsAnArrivalInTasklist() {
		String product = SignedContracts.productOf(catalog, "M17", 0);
		SignedContracts.Signed signed = SignedContracts.sign(runtimeService, taskService, identityService, "M17", product + " 500",
				"旺季備貨", "ZY-BROWSER-1");
		String instanceId = signed.instanceId();
		String number = signed.number();
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(ContractProcess.TASK_CONFIRM_ARRIVAL)
				.singleResult().getId();
		int onHandBefore = catalog.stockPosition(product).orElseThrow().onHand();

		try (Browser browser = Browser.open(port)) {
			browser.signIn("genadmin", "demo");
			browser.waitFor(By.id("stock-warning"));
			browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
			browser.waitForText(number);
			browser.click(By.xpath("//*[normalize-space(text())='認領']"));
			browser.click(By.cssSelector("textarea[id*='Field_ArrivalRecord']"))
					.sendKeys("case_code,product_code,cartons\n" + number + "-X1," + product + ",50\n" + number + "-X2," + product + ",50");
			browser.screenshot("tasklist-genadmin-confirms-arrival");
			browser.click(By.xpath("//button[normalize-space(.)='提交']"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> contracts.lines(number).get(0).receivedCartons() == 100);
		}
		assertThat(catalog.stockPosition(product).orElseThrow().onHand()).isEqualTo(onHandBefore + 100);
		assertThat(contracts.history(number)).anyMatch(e -> e.type() == com.wholesaler.marketing.approval.ApprovalEventType.ARRIVAL && "genadmin".equals(e.actor()));
	}
}
