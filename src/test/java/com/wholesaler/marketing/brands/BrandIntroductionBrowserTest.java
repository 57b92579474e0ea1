package com.wholesaler.marketing.brands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;

/**
 * A new product in the browser: supply proposes it from Tasklist's start form, the brand manager and the
 * brand-planning head pass it on, the director approves it in Tasklist, and /products shows it as 新品.
 */
@IntegrationTest
class BrandIntroductionBrowserTest {

	static final String NAME = "瀏覽器新品(細支)";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	BrandIntroductions introductions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void supplyProposesTheDirectorApprovesAndTheProductIsNew() {
		String code = null;
		try (Browser browser = Browser.open(port)) {
			browser.signIn("supply", "demo");
			browser.startInTasklist("品牌引入");
			Map<String, String> fields = Map.of("Field_ManufacturerCode", "M05", "Field_Brand", "芙蓉王", "Field_ProductName", NAME,
					"Field_AllocationPrice", "70", "Field_WholesalePrice", "95", "Field_RetailPrice", "108", "Field_MonthlyVolume", "600",
					"Field_TargetTiers", "1-12");
			fields.forEach((id, value) -> browser.click(By.cssSelector(".fjs-form input[id$='" + id + "']")).sendKeys(value));
			browser.click(By.cssSelector(".fjs-form textarea[id$='Field_Reason']")).sendKeys("細支煙需求上升");
			browser.screenshot("tasklist-supply-proposes-product");
			browser.click(By.xpath("//button[normalize-space(.)='發起']"));
			String number = waitForIntroduction();
			pass(number, "brandmgr", "brandManager", Map.of("evaluation", "細支需求上升", "evaluationScore", "4"));
			pass(number, "brandhead", "brandPlanningHead", Map.of("decision", "APPROVE"));
			browser.switchUser("director", "demo");
			Task approval = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
			browser.go("/camunda/app/tasklist/default/#/?task=" + approval.getId());
			browser.waitForText(NAME);
			browser.click(By.xpath("//*[normalize-space(text())='認領']"));
			browser.click(By.cssSelector("input[type=radio][id$='Field_Decision-0']"));
			browser.click(By.xpath("//button[normalize-space(.)='提交']"));
			long until = System.currentTimeMillis() + 20_000;
			while (introductions.introduction(number).status() != BrandIntroductions.Status.APPROVED && System.currentTimeMillis() < until) {
				Thread.sleep(200);
			}
			code = introductions.introduction(number).productCode();
			assertThat(code).isNotNull();
			browser.go("/products?q=" + code);
			String row = browser.waitFor(By.xpath("//tr[td[normalize-space(.)='" + code + "']]")).getText();
			assertThat(row).contains(NAME).contains("新品");
			browser.screenshot("products-new-product");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		finally {
			if (code != null) {
				jdbc.update("DELETE FROM product_first_order WHERE product_code = ?", code);
				jdbc.update("DELETE FROM product_price WHERE product_code = ?", code);
				jdbc.update("DELETE FROM stock WHERE product_code = ?", code);
				jdbc.update("DELETE FROM product WHERE code = ?", code);
			}
		}
	}

	private String waitForIntroduction() throws InterruptedException {
		long until = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < until) {
			List<String> numbers = jdbc.queryForList("SELECT introduction_number FROM product_introduction WHERE product_name = ?", String.class, NAME);
			if (!numbers.isEmpty()) {
				return numbers.get(0);
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the introduction was not started");
	}

	private void pass(String number, String user, String group, Map<String, Object> answers) {
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
		ActingUsers.as(identityService, user, List.of(group), () -> {
			taskService.complete(task.getId(), answers);
			return null;
		});
	}
}
