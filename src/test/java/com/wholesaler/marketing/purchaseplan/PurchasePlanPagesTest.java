package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.wholesaler.marketing.IntegrationTest;

@IntegrationTest
class PurchasePlanPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PurchasePlans plans;

	@Autowired
	TransactionTemplate transaction;

	private String plan;
	private PlanLine first;

	private static RequestPostProcessor supply() {
		return user("supply").authorities(() -> "supplyManager");
	}

	@BeforeEach
	void aDraftPlan() {
		plan = transaction.execute(s -> {
			String number = plans.create(YearMonth.now().plusMonths(1), "頁面測試", "supply");
			plans.proposeQuantities(number);
			return number;
		});
		first = plans.lines(plan).get(0);
	}

	@Test
	void theListShowsEachPlanWithItsStatusAndTotals() throws Exception {
		mvc.perform(get("/plans").with(supply()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(plan)))
				.andExpect(content().string(containsString("起草中")));
	}

	@Test
	void theDrafterSeesEditableLinesAndTheHistory() throws Exception {
		mvc.perform(get("/plans/" + plan).with(supply()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"planned_" + first.productCode() + "\"")))
				.andExpect(content().string(containsString("審批單")))
				.andExpect(content().string(containsString("頁面測試")));
		mvc.perform(get("/plans/" + plan).with(user("director").authorities(() -> "centerDirector")))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"planned_"))));
	}

	@Test
	void savingLinesChangesThePlanAndBadInputChangesNothing() throws Exception {
		mvc.perform(post("/plans/" + plan + "/lines").with(supply()).with(csrf())
						.param("planned_" + first.productCode(), String.valueOf(first.plannedCartons() + 250)))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("message", containsString("已保存")));
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(first.plannedCartons() + 250);

		mvc.perform(post("/plans/" + plan + "/lines").with(supply()).with(csrf())
						.param("planned_" + first.productCode(), "-5"))
				.andExpect(flash().attribute("error", containsString("不小於零的整數")));
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(first.plannedCartons() + 250);

		mvc.perform(post("/plans/" + plan + "/lines").with(user("genadmin").authorities(() -> "generalAdmin")).with(csrf())
						.param("planned_" + first.productCode(), "50"))
				.andExpect(flash().attribute("error", containsString("只有起草人")));
	}

	@Test
	void csvExportsWithABomAndImportsBack() throws Exception {
		byte[] csv = mvc.perform(get("/plans/" + plan + "/lines.csv").with(supply()))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", containsString(plan + ".csv")))
				.andReturn().getResponse().getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF" + PurchasePlans.CSV_HEADER);

		String edited = text.replaceFirst("(?m)^(" + first.productCode() + ",[^,]*,[^,]*,\\d+,)\\d+", "$1" + 777);
		mvc.perform(multipart("/plans/" + plan + "/lines.csv")
						.file(new MockMultipartFile("file", "plan.csv", "text/csv", edited.getBytes(StandardCharsets.UTF_8)))
						.with(supply()).with(csrf()))
				.andExpect(flash().attribute("message", containsString("已從 CSV 匯入")));
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(777);
	}

	@Test
	void anUnknownPlanIsAClearMessage() throws Exception {
		mvc.perform(get("/plans/PP-1999-01-001").with(supply()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("找不到購進計畫 PP-1999-01-001")));
	}
}
