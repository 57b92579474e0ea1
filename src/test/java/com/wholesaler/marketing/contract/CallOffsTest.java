package com.wholesaler.marketing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;

/**
 * 網上交易訂貨 on a signed contract's page: the brand-planning head records call-offs; one beyond what the
 * contract leaves, a product not on it or an order number used before refuses the whole call-off (400,
 * nothing kept); the page shows agreed, called off and received per line. Rolled back.
 */
@IntegrationTest
@Transactional
class CallOffsTest {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Catalog catalog;

	@Autowired
	CallOffs callOffs;

	@Autowired
	MockMvc mvc;

	@Test
	void callOffsStayWithinTheContract() throws Exception {
		String product = SignedContracts.productOf(catalog, "M18", 0);
		String number = SignedContracts.sign(runtimeService, taskService, identityService, "M18", product + " 500", "補充貨源", "ZY-{number}").number();
		page(callOff(number, "ZY20261201001", product + " 300"), "brandhead", "brandPlanningHead", 302);
		assertThat(callOffs.calledOff(number)).containsEntry(product, 300);
		assertThat(page(callOff(number, "ZY20261201002", product + " 201"), "brandhead", "brandPlanningHead", 400))
				.contains("超過合同尚可訂的 200 條");
		assertThat(page(callOff(number, "ZY20261201003", product + " 100\nP9999 5"), "brandhead", "brandPlanningHead", 400))
				.contains("P9999 不在本合同中");
		assertThat(page(callOff(number, "ZY20261201001", product + " 10"), "brandhead", "brandPlanningHead", 400)).contains("已記錄過");
		assertThat(page(callOff(number, "ZY20261201004", product + " 10"), "genadmin", "generalAdmin", 400)).contains("品牌策劃部主任");
		assertThat(callOffs.calledOff(number)).as("nothing more kept").containsEntry(product, 300);
		page(callOff(number, "ZY20261201005", product + " 200"), "brandhead", "brandPlanningHead", 302);
		String page = page(get("/contracts/" + number), "director", "centerDirector", 200);
		assertThat(page).contains("ZY20261201001").contains("ZY20261201005").contains("已網上訂貨");
		assertThat(callOffs.of(number)).hasSize(2);
	}

	@Test
	void arrivalsAreMatchedToTheCallOffsOldestFirst() throws Exception {
		String product = SignedContracts.productOf(catalog, "M18", 1);
		String number = SignedContracts.sign(runtimeService, taskService, identityService, "M18", product + " 500", "補充貨源", "ZY-M-{number}").number();
		page(callOff(number, "ZY-M-1", product + " 300").param("day", LocalDate.now().minusDays(3).toString()), "brandhead", "brandPlanningHead", 302);
		page(callOff(number, "ZY-M-2", product + " 150").param("day", LocalDate.now().minusDays(1).toString()), "brandhead", "brandPlanningHead", 302);
		arrive(number, product, "A", 40);
		CallOffs.Matching matching = callOffs.matching(number);
		assertThat(matching.callOffs()).extracting(CallOffs.CallOff::platformOrder).containsExactly("ZY-M-2", "ZY-M-1");
		assertThat(matching.callOffs().get(1).received(product)).isEqualTo(300);
		assertThat(matching.callOffs().get(1).arrivalState()).isEqualTo("已到齊");
		assertThat(matching.callOffs().get(0).received(product)).isEqualTo(100);
		assertThat(matching.callOffs().get(0).arrivalState()).isEqualTo("部分到貨");
		assertThat(matching.beyondCallOffs()).isEmpty();

		arrive(number, product, "B", 10);
		matching = callOffs.matching(number);
		assertThat(matching.callOffs().get(0).arrivalState()).isEqualTo("已到齊");
		assertThat(matching.beyondCallOffs()).as("50 arrived that no call-off asked for").containsEntry(product, 50);
		assertThat(matching.calledOff()).isEqualTo(callOffs.calledOff(number));
		assertThat(page(get("/contracts/" + number), "director", "centerDirector", 200)).contains("150／150").contains("未經網上訂貨的到貨");
	}

	/** Confirms an arrival of so many cases of 10 cartons, as the general administrator uploads the scanner's file. */
	private void arrive(String number, String product, String batch, int cases) throws Exception {
		StringBuilder csv = new StringBuilder("case_code,product_code,cartons\n");
		for (int i = 1; i <= cases; i++) {
			csv.append("%s-%s-%04d,%s,10%n".formatted(number, batch, i, product));
		}
		mvc.perform(multipart("/contracts/" + number + "/arrivals").file(new MockMultipartFile("file", "scan.csv", "text/csv",
				csv.toString().getBytes(StandardCharsets.UTF_8))).with(user("genadmin").authorities(() -> "generalAdmin")).with(csrf()))
				.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("已確認到貨")));
	}

	private static MockHttpServletRequestBuilder callOff(String number, String order, String lines) {
		return post("/contracts/" + number + "/call-offs").param("platformOrder", order).param("lines", lines);
	}

	private String page(MockHttpServletRequestBuilder request, String who, String group, int expected) throws Exception {
		var response = mvc.perform(request.with(user(who).authorities(() -> group)).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(expected);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
