package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.purchaseplan.PlanStep;
import com.wholesaler.marketing.purchaseplan.PurchasePlans;

/** 待我審批 on a phone (390 × 844): the director approves a plan; a seat leader confirms notices several at once. */
@IntegrationTest
class ApprovalsOnAPhoneTest {

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

	@Autowired
	ConfigurableApplicationContext app;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	private String planAtTheDirector() {
		return PlanAtTheDirector.start(runtimeService, taskService, identityService, "手機審批");
	}

	private static long pageWidth(Browser browser) {
		return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth")).longValue();
	}

	@Test
	void theDirectorApprovesAPlanFromAPhone() {
		String instanceId = planAtTheDirector();
		String planNumber = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		try (Browser browser = Browser.open(port)) {
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.signIn("director", "demo");
			browser.go("/approvals");
			WebElement card = browser.waitFor(By.id("task-" + taskId));
			assertThat(card.getText()).contains(planNumber).contains("個品規");
			assertThat(pageWidth(browser)).as("nothing wider than the phone").isLessThanOrEqualTo(390);
			browser.screenshot("approvals-phone-director");

			browser.click(By.cssSelector("#task-" + taskId + " button[value=RETURN]"));
			assertThat(browser.waitFor(By.id("error")).getText()).contains("必須填寫審核意見");
			assertThat(plans.plan(planNumber).currentStep()).as("nothing changed").isEqualTo(PlanStep.REVIEW_DIRECTOR);

			browser.waitFor(By.cssSelector("#task-" + taskId + " textarea")).sendKeys("同意，手機審批");
			browser.click(By.cssSelector("#task-" + taskId + " button[value=APPROVE]"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> plans.plan(planNumber).currentStep() == PlanStep.APPROVE_EXECUTIVE);
			assertThat(browser.waitFor(By.id("message")).getText()).contains("已同意");
			browser.screenshot("approvals-phone-approved");
		}
		ApprovalEvent last = plans.history(planNumber).get(plans.history(planNumber).size() - 1);
		assertThat(last.type()).isEqualTo(ApprovalEventType.APPROVE);
		assertThat(last.actor()).isEqualTo("director");
		assertThat(last.comment()).isEqualTo("同意，手機審批");
	}

	@Test
	void aSeatLeaderConfirmsSeveralNoticesAtOnce() {
		ProcessWalker walker = new ProcessWalker(app);
		String first = walker.walkUntil(walker.starters().get("shortageSubstitution").get(), "Task_AcknowledgeLimits");
		String second = walker.walkUntil(walker.starters().get("shortageSubstitution").get(), "Task_AcknowledgeLimits");
		try (Browser browser = Browser.open(port)) {
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.signIn("seatlead", "demo");
			browser.go("/approvals");
			browser.waitFor(By.id("acknowledgements"));
			browser.click(By.xpath("//button[normalize-space(.)='確認已知悉']"));
			browser.waitFor(By.id("message"));
		}
		for (String instance : List.of(first, second)) {
			assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_AcknowledgeLimits").count())
					.as("confirmed").isZero();
		}
	}

	@Test
	void aDecisionSmuggledAmongTheNoticesConfirmsNone() throws Exception {
		ProcessWalker walker = new ProcessWalker(app);
		String notice = walker.walkUntil(walker.starters().get("shortageSubstitution").get(), "Task_AcknowledgeLimits");
		String noticeTask = taskService.createTaskQuery().processInstanceId(notice).taskDefinitionKey("Task_AcknowledgeLimits").singleResult().getId();
		String plan = planAtTheDirector();
		String decisionTask = taskService.createTaskQuery().processInstanceId(plan).singleResult().getId();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/approvals/acknowledge")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("seatlead").authorities(() -> "seatLeader"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("task", noticeTask).param("task", decisionTask))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("error"));
		assertThat(taskService.createTaskQuery().taskId(noticeTask).count()).as("all or none").isEqualTo(1);
		assertThat(taskService.createTaskQuery().taskId(decisionTask).count()).isEqualTo(1);
	}
}
