package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.UrlResource;

import com.wholesaler.marketing.IntegrationTest;

@IntegrationTest
class ModelDeployerTest {

	private static final List<String> SAMPLE = List.of("classpath*:sample-models/processes/*.bpmn",
			"classpath*:sample-models/forms/*.form");

	@Autowired
	ModelDeployer deployer;

	@Autowired
	ModelsProperties properties;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void readsModelsNamedByTheirPathFromTheModelFolders() {
		assertThat(deployer.read(SAMPLE)).containsOnlyKeys("processes/sample-review.bpmn", "forms/sample-review.form");
	}

	@Test
	void namesAModelInsideAJarTheSameWay() throws Exception {
		UrlResource inJar = new UrlResource("jar:file:/opt/app.jar!/BOOT-INF/classes!/processes/plan.bpmn");
		assertThat(ModelDeployer.resourceName(inJar)).isEqualTo("processes/plan.bpmn");
	}

	@Test
	void unchangedModelsDeployNothingAndAChangedOneANewVersionWithItsForms() {
		Map<String, byte[]> deployedAtStart = deployer.read(properties.locations());
		long deployments = repositoryService.createDeploymentQuery().count();
		int version = latestSample().getVersion();

		assertThat(deployer.deploy(deployedAtStart)).isEmpty();
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(latestSample().getVersion()).isEqualTo(version);

		Map<String, byte[]> changed = new TreeMap<>(deployedAtStart);
		String bpmn = new String(changed.get("processes/sample-review.bpmn"), StandardCharsets.UTF_8);
		changed.put("processes/sample-review.bpmn",
				bpmn.replace("審核樣例", "審核樣例 v" + (version + 1)).getBytes(StandardCharsets.UTF_8));
		DeploymentWithDefinitions deployment = deployer.deploy(changed).orElseThrow();

		assertThat(latestSample().getVersion()).isEqualTo(version + 1);
		assertThat(latestSample().getDeploymentId()).isEqualTo(deployment.getId());
		assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
				.as("the whole set is deployed, so the new version finds its forms in its own deployment")
				.contains("processes/sample-review.bpmn", "forms/sample-review.form");

		// Back to the files as they are: a change again, so one more version, then quiet.
		assertThat(deployer.deploy(deployedAtStart)).isPresent();
		assertThat(deployer.deploy(deployedAtStart)).isEmpty();
	}

	private ProcessDefinition latestSample() {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey("sampleReview")
				.latestVersion().singleResult();
	}
}
