package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Follows the README's five-minute tour in a browser, on a fresh demo start with work in flight:
 * what each user is told they will find is there, and the director's approval goes through.
 */
class ReadmeTourTest {

	private static final List<String> FRESH_DEMO = List.of(
			"--spring.datasource.url=jdbc:h2:mem:readmeTour;DB_CLOSE_DELAY=-1",
			"--marketing.demo.work-in-flight=true",
			"--marketing.models.locations=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form");

	@Test
	void theTourOfTheReadme() {
		try (ConfigurableApplicationContext app = StandaloneApp.start("readmeTour", FRESH_DEMO)) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			try (Browser director = Browser.open(port)) {
				director.signIn("director", "demo");
				String home = director.waitFor(By.id("my-tasks")).getText();
				assertThat(home).contains("營銷中心主任審核").contains("營銷中心主任審批合同").contains("營銷中心主任審批培育方案");
				director.go("/approvals");
				WebElement plan = director.waitFor(By.xpath("//article[contains(., '營銷中心主任審核')]"));
				String planCard = plan.getAttribute("id");
				director.click(By.cssSelector("#" + planCard + " button[value=RETURN]"));
				assertThat(director.waitFor(By.id("error")).getText()).contains("必須填寫審核意見");
				director.waitFor(By.cssSelector("#" + planCard + " textarea")).sendKeys("同意，按計畫採購");
				director.click(By.cssSelector("#" + planCard + " button[value=APPROVE]"));
				assertThat(director.waitFor(By.id("message")).getText()).contains("已同意");
			}
			try (Browser executive = Browser.open(port)) {
				executive.signIn("executive", "demo");
				executive.go("/approvals");
				String page = executive.waitFor(By.tagName("main")).getText();
				assertThat(page).contains("分管領導審批").contains("PA-").contains("PP-");
				assertThat(executive.driver().findElements(By.cssSelector("article.approval"))).as("two plans and the price proposal").hasSize(3);
			}
			try (Browser deputy = Browser.open(port)) {
				deputy.signIn("deputy", "demo");
				deputy.go("/approvals");
				assertThat(deputy.waitFor(By.tagName("main")).getText()).contains("營銷中心主任審批合同");
				deputy.go("/stand-ins");
				assertThat(deputy.waitFor(By.id("deputy-areas")).getText()).contains("購銷合同及其變更");
			}
			try (Browser genadmin = Browser.open(port)) {
				genadmin.signIn("genadmin", "demo");
				assertThat(genadmin.waitFor(By.id("my-tasks")).getText()).contains("綜合審核計畫").contains("到貨確認").contains("核對增值稅發票")
						.contains("錄入上級批覆");
			}
			try (Browser seatLeader = Browser.open(port)) {
				seatLeader.signIn("seatlead", "demo");
				seatLeader.go("/approvals");
				assertThat(seatLeader.waitFor(By.id("acknowledgements")).getText()).contains("坐席班長知悉價格變動").contains("坐席班長確認限量");
			}
			try (Browser brandHead = Browser.open(port)) {
				brandHead.signIn("brandhead", "demo");
				brandHead.go("/approvals");
				assertThat(brandHead.waitFor(By.tagName("main")).getText()).contains("品牌策劃部主任核對通知").contains("品牌策劃部主任審核活動");
			}
			try (Browser supply = Browser.open(port)) {
				supply.signIn("supply", "demo");
				assertThat(supply.waitFor(By.id("my-tasks")).getText()).contains("擬訂替代和投放方案");
			}
		}
	}
}
