package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.purchaseplan.PurchasePlanProcess;

/** Running purchase plans move from version 1 to a new version 2 of the real model, as a batch. */
@IntegrationTest
class ProcessMigrationTest {

	@Autowired
	ModelMigrations migrations;

	@Autowired
	ModelDeployer deployer;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ManagementService managementService;

	@Autowired
	MockMvc mvc;

	private ProcessInstance startPlan() {
		return ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService
				.startProcessInstanceByKey(PurchasePlanProcess.PROCESS_ID,
						Map.of(PurchasePlanProcess.PERIOD, YearMonth.now().plusMonths(1).toString())));
	}

	private void submit(ProcessInstance instance) {
		String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		ActingUsers.as(identityService, "supply", List.of("supplyManager"),
				() -> taskService.complete(task, Map.of(PurchasePlanProcess.DRAFT_ACTION, "SUBMIT")));
	}

	private void deployVersionWithRenamedStep() {
		Map<String, byte[]> models = new TreeMap<>(deployer.read(List.of(
				"classpath*:processes/purchase-plan-approval.bpmn", "classpath*:forms/purchase-plan-*.form")));
		String bpmn = new String(models.get("processes/purchase-plan-approval.bpmn"), StandardCharsets.UTF_8);
		models.put("processes/purchase-plan-approval.bpmn",
				bpmn.replace("綜合審核計畫", "綜合審核購進計畫（新版）").getBytes(StandardCharsets.UTF_8));
		assertThat(deployer.deploy("migration-test-" + System.nanoTime(), models)).isPresent();
	}

	private void runBatch(Batch batch) {
		Job seed = managementService.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult();
		managementService.executeJob(seed.getId());
		for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
			managementService.executeJob(job.getId());
		}
	}

	@Test
	void runningInstancesMoveToTheNewVersionWhereTheyWere() throws Exception {
		ProcessInstance drafting = startPlan();
		ProcessInstance checking = startPlan();
		submit(checking);
		int oldVersion = repositoryService.getProcessDefinition(drafting.getProcessDefinitionId()).getVersion();

		deployVersionWithRenamedStep();

		ModelMigrations.Proposal proposal = migrations.propose(PurchasePlanProcess.PROCESS_ID, oldVersion);
		assertThat(proposal.to().version()).isGreaterThan(oldVersion);
		assertThat(proposal.mappings()).extracting(ModelMigrations.Mapping::sourceActivity)
				.contains(PurchasePlanProcess.TASK_DRAFT, PurchasePlanProcess.TASK_CHECK);
		assertThat(proposal.unmapped()).isEmpty();
		assertThat(proposal.canMigrate()).isTrue();

		mvc.perform(get("/models/" + PurchasePlanProcess.PROCESS_ID + "/migration").param("from", String.valueOf(oldVersion))
						.with(user("owner").authorities(() -> "processOwner")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("run-migration")));

		String batchId = migrations.migrate(PurchasePlanProcess.PROCESS_ID, oldVersion);
		runBatch(managementService.createBatchQuery().batchId(batchId).singleResult());

		String newDefinition = proposal.to().definitionId();
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(drafting.getId()).singleResult()
				.getProcessDefinitionId()).isEqualTo(newDefinition);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(checking.getId()).singleResult()
				.getProcessDefinitionId()).isEqualTo(newDefinition);
		assertThat(taskService.createTaskQuery().processInstanceId(checking.getId()).singleResult().getTaskDefinitionKey())
				.isEqualTo(PurchasePlanProcess.TASK_CHECK);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(proposal.from().definitionId()).count())
				.as("nothing left on the old version").isZero();
	}

	@Test
	void theVersionsPageIsForProcessOwners() throws Exception {
		mvc.perform(get("/models").with(user("owner").authorities(() -> "processOwner")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("購進計畫審批")));
		mvc.perform(get("/models").with(user("director").authorities(() -> "centerDirector")))
				.andExpect(status().isForbidden());
	}
}
