package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.wholesaler.marketing.catalog.Catalog;

/** The embedded mode keeps its state in the H2 file: a restart loses no process and no master data. */
class RestartTest {


	@TempDir
	Path dataDir;

	private ConfigurableApplicationContext start() {
		return StandaloneApp.start("restartTest", List.of(
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("marketing") + ";DB_CLOSE_ON_EXIT=FALSE"));
	}

	@Test
	void aRestartKeepsRunningProcessesAndMasterDataAndRedeploysNothing() {
		String instanceId;
		long retailers;
		long deployments;
		try (ConfigurableApplicationContext first = start()) {
			ProcessEngine engine = first.getBean(ProcessEngine.class);
			instanceId = engine.getRuntimeService().startProcessInstanceByKey("sampleReview", "SAMPLE-RESTART").getId();
			retailers = first.getBean(Catalog.class).count("retailer");
			deployments = engine.getRepositoryService().createDeploymentQuery().count();
		}
		assertThat(retailers).isEqualTo(30_000);

		try (ConfigurableApplicationContext second = start()) {
			ProcessEngine engine = second.getBean(ProcessEngine.class);
			ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
					.processInstanceId(instanceId).singleResult();
			assertThat(instance).isNotNull();
			assertThat(instance.getBusinessKey()).isEqualTo("SAMPLE-RESTART");
			assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
					.taskDefinitionKey("Task_ReviewSample").count()).isEqualTo(1);
			assertThat(second.getBean(Catalog.class).count("retailer")).isEqualTo(retailers);
			assertThat(engine.getRepositoryService().createDeploymentQuery().count())
					.as("unchanged models are not deployed again").isEqualTo(deployments);
			assertThat(engine.getIdentityService().createUserQuery().userId("director").count()).isEqualTo(1);
		}
	}
}
