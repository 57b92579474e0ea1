package com.wholesaler.marketing.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.contract.ContractProcess;

/** The Prometheus endpoint: for process owners only, with the engine's counters and open tasks per process and step. */
@IntegrationTest
class ProcessMetricsTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessMetrics metrics;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	private long openDrafts() {
		return metrics.taskCounts().stream().filter(c -> c.process().equals(ContractProcess.PROCESS_ID) && c.step().equals(ContractProcess.TASK_DRAFT))
				.mapToLong(ProcessMetrics.TaskCount::open).sum();
	}

	@Test
	void openTasksPerStepAndEngineCountersForProcessOwnersOnly() {
		metrics.refresh();
		long before = openDrafts();
		String id = ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> runtimeService.startProcessInstanceByKey(
				ContractProcess.PROCESS_ID, Map.of(ContractProcess.MANUFACTURER_CODE, "M19",
						ContractProcess.PERIOD, YearMonth.now().plusMonths(1).toString(), ContractProcess.REASON, "指標測試")).getId());
		metrics.refresh();
		assertThat(openDrafts()).isEqualTo(before + 1);
		assertThat(openDrafts()).isEqualTo(taskService.createTaskQuery().processDefinitionKey(ContractProcess.PROCESS_ID)
				.taskDefinitionKey(ContractProcess.TASK_DRAFT).count());

		ResponseEntity<String> scraped = rest.withBasicAuth("owner", "demo").getForEntity("/actuator/prometheus", String.class);
		assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(scraped.getBody())
				.contains("marketing_tasks_open{process=\"contractSigning\",step=\"Task_DraftContract\"} " + (before + 1) + ".0")
				.contains("marketing_tasks_overdue{").contains("camunda_engine_activity_instance_start_total")
				.contains("camunda_engine_job_failed_total").contains("camunda_incidents_open");

		assertThat(rest.withBasicAuth("clerk1", "demo").getForEntity("/actuator/prometheus", String.class).getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		runtimeService.deleteProcessInstance(id, "test");
	}
}
