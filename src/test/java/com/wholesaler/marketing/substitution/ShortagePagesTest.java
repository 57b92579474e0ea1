package com.wholesaler.marketing.substitution;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.TasklistForm;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;

@IntegrationTest
class ShortagePagesTest {

	@Autowired
	org.camunda.bpm.engine.ProcessEngine engine;

	@Autowired
	MockMvc mvc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ShortageCases cases;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void publishedLimitsShowWithTheirChartAndTheCasePage() throws Exception {
		Product p = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive)
				.filter(x -> x.priceClass().number() >= 3)
				.filter(x -> cases.openCaseFor(x.code()).isEmpty() && !cases.handledToday(x.code()))
				.filter(x -> catalog.stockPosition(x.code()).orElseThrow().onHand() > 1_000)
				// never limited before (not even as another case's substitute), so every retailer's limit is lower and the director decides
				.filter(x -> jdbc.queryForObject("SELECT COUNT(*) FROM allocation_limit WHERE product_code = ?", Long.class, x.code()) == 0)
				.skip(3).findFirst().orElseThrow();
		String id = ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService
				.startProcessInstanceByKey(ShortageProcess.PROCESS_ID, Map.of(ShortageProcess.PRODUCT_CODE, p.code())).getId());
		String number = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
		complete(id, "supply", "supplyManager", Map.of());
		complete(id, "brandhead", "brandPlanningHead", Map.of(ShortageProcess.DECISION, "APPROVE"));
		complete(id, "director", "centerDirector", Map.of(ShortageProcess.DECISION, "APPROVE"));

		mvc.perform(get("/allocation").with(user("clerk1").authorities(() -> "phoneClerk")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("limits-" + p.code())))
				.andExpect(content().string(containsString("<rect")));
		mvc.perform(get("/shortages").with(user("clerk1").authorities(() -> "phoneClerk")))
				.andExpect(status().isOk()).andExpect(content().string(containsString(number)));
		mvc.perform(get("/shortages/" + number).with(user("clerk1").authorities(() -> "phoneClerk")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("【短缺】")));
	}

	private void complete(String instanceId, String user, String group, Map<String, Object> variables) {
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, TasklistForm.submission(engine, taskId, variables)));
	}
}
