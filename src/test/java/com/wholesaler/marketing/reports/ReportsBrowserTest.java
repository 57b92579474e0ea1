package com.wholesaler.marketing.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.wholesaler.marketing.Browser;
import com.wholesaler.marketing.IntegrationTest;

/**
 * The director opens every report from the reports page: each draws its chart (SVG from ECharts,
 * served from the jar), its scripts run without an error, and its Excel download is a workbook.
 */
@IntegrationTest
class ReportsBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void theDirectorSeesEveryReportsChartAndDownloadsItsWorkbook() {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("director", "demo");
			browser.go("/reports");
			List<String> links = browser.driver().findElements(By.cssSelector(".reports-index a.card:not(.report-pack)")).stream()
					.map(a -> a.getAttribute("href")).toList();
			assertThat(links).hasSize(6);
			browser.scriptErrors();
			for (String link : links) {
				String path = link.substring(link.indexOf("/reports"));
				browser.go(path);
				WebElement chart = browser.waitFor(By.cssSelector("#chart svg"));
				assertThat(chart.findElements(By.cssSelector("path")).size()).as(path + " draws something").isGreaterThan(10);
				String name = path.substring("/reports/".length());
				browser.screenshot("report-" + name);
				assertThat(browser.scriptErrors()).as(path).isEmpty();
				String download = browser.driver().findElement(By.id("xlsx")).getAttribute("href");
				Map<String, Object> file = browser.fetch(download);
				assertThat(file.get("status")).as(download).isEqualTo(200L);
				assertThat((String) file.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
				assertThat(file.get("head")).as("a zip, as .xlsx files are").isEqualTo("PK");
				assertThat((String) file.get("disposition")).contains(".xlsx");
			}
		}
	}
}
