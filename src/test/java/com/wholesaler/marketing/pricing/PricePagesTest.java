package com.wholesaler.marketing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.wholesaler.marketing.IntegrationTest;

@IntegrationTest
class PricePagesTest {

	@Autowired
	MockMvc mvc;

	private static RequestPostProcessor clerk() {
		return user("clerk1").authorities(() -> "phoneClerk");
	}

	@Test
	void thePriceListShowsEveryProductAndExportsAsCsv() throws Exception {
		mvc.perform(get("/prices").with(clerk())).andExpect(status().isOk())
				.andExpect(content().string(containsString("現行價格表")))
				.andExpect(content().string(containsString("P0001")));
		byte[] csv = mvc.perform(get("/prices.csv").with(clerk())).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF代碼,規格");
		assertThat(text.lines().count()).isEqualTo(401);
	}

	@Test
	void aProductsPriceHistoryAndTheProposalsList() throws Exception {
		mvc.perform(get("/products/P0001/prices").with(clerk())).andExpect(status().isOk())
				.andExpect(content().string(containsString("價格歷史")))
				.andExpect(content().string(containsString("現行")));
		mvc.perform(get("/prices/proposals").with(clerk())).andExpect(status().isOk())
				.andExpect(content().string(containsString("價格調整建議")));
		mvc.perform(get("/prices/proposals/PA-1999-0001").with(clerk())).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("找不到價格調整建議")));
	}
}
