package com.wholesaler.marketing.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.TasklistForm;
import com.wholesaler.marketing.catalog.BusinessTime;

/** weekly-demand-summary.bpmn: on a Monday in 2027, last week's orders and unmet demand go to the supply side. */
@IntegrationTest
class WeeklyDemandSummaryProcessTest {

	private static final LocalDate MONDAY = LocalDate.of(2027, 5, 10);

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void lastWeeksDemandGoesToTheSupplyManagerAndTheBrandPlanningHead() {
		List<String> products = jdbc.queryForList("SELECT code FROM product WHERE status = 'ACTIVE' ORDER BY code FETCH FIRST 2 ROWS ONLY", String.class);
		List<String> retailers = jdbc.queryForList("SELECT code FROM retailer ORDER BY code FETCH FIRST 3 ROWS ONLY", String.class);
		LocalDate tuesday = MONDAY.minusDays(6);
		jdbc.update("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, 120)", products.get(0), tuesday);
		jdbc.update("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, 80)", products.get(1), tuesday);
		jdbc.update("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, 999)", products.get(1), MONDAY);
		jdbc.update("INSERT INTO unmet_demand VALUES (?, ?, ?, 'LIMIT', 4, 'clerk1')", tuesday, retailers.get(0), products.get(1));
		jdbc.update("INSERT INTO unmet_demand VALUES (?, ?, ?, 'STOCK', 2, 'clerk1')", tuesday, retailers.get(1), products.get(1));
		jdbc.update("INSERT INTO unmet_demand VALUES (?, ?, ?, 'LIMIT', 7, 'clerk1')", MONDAY, retailers.get(2), products.get(1));

		ClockUtil.setCurrentTime(Date.from(MONDAY.atTime(8, 0).atZone(BusinessTime.ZONE).toInstant()));
		managementService.executeJob(managementService.createJobQuery().processDefinitionKey("weeklyDemandSummary")
				.activityId("Event_MondayMorning").singleResult().getId());
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("DS-20270503").singleResult();
		assertThat(instance).isWaitingAt("Task_InformSupplyManager", "Task_InformBrandPlanningHead");
		assertThat((String) runtimeService.getVariable(instance.getId(), "demandSummary"))
				.contains("訂貨 200 條，共 2 個規格").contains("未滿足 6 條（超限量 4 條，缺庫存 2 條），涉及 1 個規格");

		Task supply = task(instance, "Task_InformSupplyManager");
		assertThat(taskService.getVariableLocal(supply.getId(), "demandRows")).asString()
				.startsWith("[{\"product\":\"" + products.get(1)).contains("\"retailers\":2");
		assertThatThrownBy(() -> complete(supply, "supply", "supplyManager", new HashMap<>())).hasMessageContaining("已知悉");
		complete(supply, "supply", "supplyManager", Map.of("acknowledged", true));
		assertThat(instance).isWaitingAt("Task_InformBrandPlanningHead");
		complete(task(instance, "Task_InformBrandPlanningHead"), "brandhead", "brandPlanningHead", Map.of("acknowledged", true));
		assertThat(instance).isEnded().hasPassed("Event_Informed");
	}

	private Task task(ProcessInstance instance, String key) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	private void complete(Task task, String user, String group, Map<String, Object> answers) {
		ActingUsers.as(identityService, user, List.of(group),
				() -> taskService.complete(task.getId(), TasklistForm.submission(engine, task.getId(), answers)));
	}
}
