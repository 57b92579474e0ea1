package com.wholesaler.marketing.salesplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * The month's sales plan in the browser: brandhead raises a line on the plan page and submits in
 * Tasklist, genadmin gives 集團客戶部 a share and submits the split, director and executive approve in
 * Tasklist, regional1 sees its region's target on the page and in its task.
 */
@IntegrationTest
class SalesPlanBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	SalesPlans plans;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void draftedSplitApprovedAndSeenByTheRegion() {
		YearMonth month = YearMonth.now(BusinessTime.ZONE);
		String number = ActingUsers.as(identityService, "brandhead", List.of("brandPlanningHead"),
				() -> runtimeService.startProcessInstanceByKey(SalesPlans.PROCESS_ID, Map.of("month", month.toString())).getBusinessKey());
		try (Browser browser = Browser.open(port)) {
			SalesPlanLine line = plans.lines(number).get(0);
			int raised = (int) Math.round(line.proposed() * 1.05);
			browser.signIn("brandhead", "demo");
			browser.go("/sales-plans/" + number);
			WebElement planned = browser.waitFor(By.name("planned_" + line.productCode()));
			planned.clear();
			planned.sendKeys(String.valueOf(raised));
			browser.click(By.cssSelector("#lines-form button[type=submit]"));
			browser.waitFor(By.id("message"));
			assertThat(plans.lines(number).stream().filter(l -> l.productCode().equals(line.productCode())).findFirst().orElseThrow().planned())
					.isEqualTo(raised);
			browser.screenshot("sales-plan-drafter-page");
			browser.go("/camunda/app/tasklist/default/#/?task=" + task(number).getId());
			browser.waitForText(number);
			browser.click(By.cssSelector("input[type=radio][id$='Field_Action-0']"));
			browser.click(By.xpath("//button[normalize-space(.)='提交']"));
			waitFor(number, SalesPlans.Status.SPLITTING);
			browser.switchUser("genadmin", "demo");
			browser.go("/sales-plans/" + number);
			WebElement r01 = browser.waitFor(By.name("share_R01"));
			double share = Double.parseDouble(r01.getAttribute("value"));
			r01.clear();
			r01.sendKeys(String.format("%.1f", share - 5));
			WebElement group = browser.driver().findElement(By.name("share_GROUP"));
			group.clear();
			group.sendKeys("5");
			browser.click(By.cssSelector("#shares-form button[type=submit]"));
			browser.waitFor(By.id("message"));
			browser.screenshot("sales-plan-split-page");
			assertThat(plans.unitTotals(number).get(SalesPlans.GROUP_UNIT)).isPositive();
			decideInTasklist(browser, number, null);
			waitFor(number, SalesPlans.Status.REVIEWING);
			browser.switchUser("director", "demo");
			decideInTasklist(browser, number, "Field_Decision-0");
			waitFor(number, SalesPlans.Status.APPROVING);
			browser.switchUser("executive", "demo");
			decideInTasklist(browser, number, "Field_Decision-0");
			waitFor(number, SalesPlans.Status.APPROVED);
			browser.switchUser("regional1", "demo");
			browser.go("/sales-plans/" + number);
			String r01Target = String.format("%,d", plans.unitTotals(number).get("R01"));
			assertThat(browser.waitFor(By.id("unit-totals")).getText()).contains("城東區域市場部").contains(r01Target);
			Task ack = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_AcknowledgeTargets").list().stream()
					.filter(t -> "R01".equals(taskService.getVariable(t.getId(), "regionCode"))).findFirst().orElseThrow();
			browser.go("/camunda/app/tasklist/default/#/?task=" + ack.getId());
			browser.waitForText(r01Target);
			browser.screenshot("sales-plan-region-target");
		}
		finally {
			// leave the month free for the other tests of the shared context
			runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
					.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test done"));
			jdbc.update("UPDATE sales_plan SET status = 'WITHDRAWN' WHERE plan_number = ?", number);
		}
	}

	/** Claims the plan's open task in Tasklist, picks the radio (if any) and submits. */
	private void decideInTasklist(Browser browser, String number, String radio) {
		browser.go("/camunda/app/tasklist/default/#/?task=" + task(number).getId());
		browser.waitForText(number);
		browser.click(By.xpath("//*[normalize-space(text())='認領']"));
		if (radio != null) {
			browser.click(By.cssSelector("input[type=radio][id$='" + radio + "']"));
		}
		browser.click(By.xpath("//button[normalize-space(.)='提交']"));
	}

	private Task task(String number) {
		return taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
	}

	/** Waits until the submitted form has moved the plan on. */
	private void waitFor(String number, SalesPlans.Status status) {
		long until = System.currentTimeMillis() + 20_000;
		while (plans.plan(number).status() != status) {
			if (System.currentTimeMillis() > until) {
				throw new AssertionError("%s is %s, not %s".formatted(number, plans.plan(number).status(), status));
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
