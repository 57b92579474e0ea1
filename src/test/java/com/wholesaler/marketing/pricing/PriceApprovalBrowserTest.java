package com.wholesaler.marketing.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
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

/** The director approves a price proposal in Tasklist, seeing the prices, the evidence and the history. */
@IntegrationTest
class PriceApprovalBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	PriceProposals proposals;

	@Autowired
	Catalog catalog;

	@Test
	void theDirectorApprovesAProposal() {
		Product p = catalog.product("P0377").orElseThrow();
		BigDecimal wholesale = p.wholesalePrice().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP);
		BigDecimal retail = p.retailPrice().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP);
		String instanceId = ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> runtimeService
				.startProcessInstanceByKey(PriceAdjustmentProcess.PROCESS_ID, Map.of(
						PriceAdjustmentProcess.LINES, "P0377 %s %s".formatted(wholesale, retail),
						PriceAdjustmentProcess.REASON, "市場零售價普遍上漲",
						PriceAdjustmentProcess.EFFECTIVE_DATE, LocalDate.now().plusDays(7).toString())).getId());
		String number = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
		String review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		ActingUsers.as(identityService, "brandhead", List.of("brandPlanningHead"),
				() -> taskService.complete(review, Map.of(PriceAdjustmentProcess.DECISION, "APPROVE", PriceAdjustmentProcess.COMMENT, "符合市場行情")));
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

		try (Browser browser = Browser.open(port)) {
			browser.signIn("director", "demo");
			browser.waitFor(By.id("stock-warning"));
			browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
			browser.waitForText(number);
			browser.waitForText("P0377");
			browser.waitForText("符合市場行情");
			browser.screenshot("tasklist-director-reviews-price");

			browser.click(By.xpath("//*[normalize-space(text())='認領']"));
			browser.click(By.cssSelector("input[type=radio][id$='Field_Decision-0']"));
			browser.click(By.cssSelector(".fjs-form textarea")).sendKeys("同意上報");
			browser.click(By.xpath("//button[normalize-space(.)='提交']"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
					proposals.proposal(number).status() == ProposalStatus.REPORTED);
		}
		com.wholesaler.marketing.approval.ApprovalEvent approval = proposals.history(number).stream()
				.filter(e -> e.step().equals(ProposalStep.APPROVE_DIRECTOR.name()))
				.findFirst().orElseThrow();
		assertThat(approval.actor()).isEqualTo("director");
		assertThat(approval.comment()).isEqualTo("同意上報");
	}

	@Test
	void theGeneralAdministratorProposesFromTasklist() {
		Product p = catalog.product("P0388").orElseThrow();
		BigDecimal wholesale = p.wholesalePrice().multiply(new BigDecimal("1.04")).setScale(2, RoundingMode.HALF_UP);
		BigDecimal retail = p.retailPrice().multiply(new BigDecimal("1.04")).setScale(2, RoundingMode.HALF_UP);
		try (Browser browser = Browser.open(port)) {
			browser.signIn("genadmin", "demo");
			browser.waitFor(By.id("stock-warning"));
			browser.startInTasklist("價格調整建議");
			browser.click(By.cssSelector("textarea[id*='Field_Lines']")).sendKeys("P0388 " + wholesale + " " + retail);
			browser.click(By.cssSelector("textarea[id*='Field_Reason']")).sendKeys("成本上升");
			browser.click(By.cssSelector("input[id*='Field_EffectiveDate']")).sendKeys(
					LocalDate.now().plusDays(5).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")),
					org.openqa.selenium.Keys.ENTER);
			browser.screenshot("tasklist-genadmin-proposes-price");
			browser.click(By.xpath("//div[contains(@class, 'modal')]//button[normalize-space(.)='發起']"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> proposals.recent(50).stream()
					.anyMatch(x -> proposals.lines(x.number()).stream().anyMatch(l -> l.productCode().equals("P0388"))));
		}
		PriceProposal started = proposals.recent(50).stream()
				.filter(x -> proposals.lines(x.number()).stream().anyMatch(l -> l.productCode().equals("P0388"))).findFirst().orElseThrow();
		assertThat(started.proposer()).isEqualTo("genadmin");
		assertThat(proposals.lines(started.number()).get(0).proposedWholesale()).isEqualByComparingTo(wholesale);
		assertThat(started.effectiveDate()).isEqualTo(LocalDate.now().plusDays(5));
	}
}
