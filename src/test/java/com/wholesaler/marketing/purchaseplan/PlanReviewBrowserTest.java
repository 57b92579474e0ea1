package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;

/** The director reviews a plan in Tasklist: sees its totals and history, approves with a comment. */
@IntegrationTest
class PlanReviewBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	PurchasePlans plans;

	private void as(String user, String group, Runnable action) {
		ActingUsers.as(identityService, user, List.of(group), action);
	}

	private String planAwaitingTheDirector() {
		return com.wholesaler.marketing.PlanAtTheDirector.start(runtimeService, taskService, identityService, "下月常規採購");
	}

	@Test
	void theDirectorApprovesAPlanInTasklistWithAComment() {
		String instanceId = planAwaitingTheDirector();
		String planNumber = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
				.getBusinessKey();
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

		try (Browser browser = Browser.open(port)) {
			browser.signIn("director", "demo");
			browser.waitFor(By.id("stock-warning"));
			browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);

			WebElement summary = browser.waitForText(planNumber);
			assertThat(summary.getText()).contains(planNumber);
			browser.waitForText("個品規");
			browser.waitForText("品牌結構合理");
			browser.waitForText("已核對庫存");
			browser.screenshot("tasklist-director-reviews-plan");

			// Tasklist lets a candidate fill in the form once they have claimed the task.
			browser.click(By.xpath("//*[normalize-space(text())='認領']"));
			browser.click(By.cssSelector("input[type=radio][id$='Field_Decision-0']"));
			browser.click(By.cssSelector(".fjs-form textarea")).sendKeys("同意，注意第二週到貨");
			browser.screenshot("tasklist-director-fills-review");
			browser.click(By.xpath("//button[normalize-space(.)='提交']"));

			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
					plans.plan(planNumber).currentStep() == PlanStep.APPROVE_EXECUTIVE);
			browser.screenshot("tasklist-director-approved-plan");
		}
		ApprovalEvent last = plans.history(planNumber).get(plans.history(planNumber).size() - 1);
		assertThat(last.type()).isEqualTo(ApprovalEventType.APPROVE);
		assertThat(last.actor()).isEqualTo("director");
		assertThat(last.comment()).isEqualTo("同意，注意第二週到貨");
	}

	@Test
	void theSupplyManagerStartsAPlanFromTasklist() {
		String period = YearMonth.now().plusMonths(3).toString();
		try (Browser browser = Browser.open(port)) {
			browser.signIn("supply", "demo");
			browser.waitFor(By.id("stock-warning"));
			browser.startInTasklist("購進計畫審批");
			browser.click(By.cssSelector(".fjs-form input[type=text]")).sendKeys(period);
			browser.click(By.cssSelector(".fjs-form textarea")).sendKeys("瀏覽器發起");
			browser.screenshot("tasklist-supply-starts-plan");
			browser.click(By.xpath("//button[normalize-space(.)='發起']"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> plans.recent(50).stream()
					.anyMatch(p -> p.period().toString().equals(period) && p.drafter().equals("supply")));
		}
		PlanSummary started = plans.recent(50).stream().filter(p -> p.period().toString().equals(period)).findFirst().orElseThrow();
		assertThat(started.status()).isEqualTo(PlanStatus.DRAFTING);
		assertThat(started.totals().lines()).as("quantities were proposed").isPositive();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(started.planNumber()).count())
				.as("the plan number is the business key").isEqualTo(1);
	}
}
