package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import com.wholesaler.marketing.IntegrationTest;

/** A model saved in a watched processes/ folder is deployed without a restart; a broken one is not. */
@IntegrationTest
class ModelHotDeployTest {

	private static final String DEPLOYMENT = "hot-deploy-test";

	@Autowired
	ModelDeployer deployer;

	@Autowired
	ModelCheck check;

	@Autowired
	RepositoryService repositoryService;

	@TempDir
	Path root;

	private String bpmn;

	private void aProjectFolderWithTheSampleModel() throws IOException {
		Files.createDirectories(root.resolve("processes"));
		Files.createDirectories(root.resolve("forms"));
		Files.createDirectories(root.resolve("docs/processes"));
		bpmn = new String(new ClassPathResource("sample-models/processes/sample-review.bpmn").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8).replace("\"sampleReview\"", "\"hotDeploySample\"");
		Files.writeString(root.resolve("processes/hot-deploy-sample.bpmn"), bpmn);
		Files.write(root.resolve("forms/sample-review.form"),
				new ClassPathResource("sample-models/forms/sample-review.form").getInputStream().readAllBytes());
		Files.writeString(root.resolve("docs/processes/hot-deploy-sample.md"),
				"## Variables\n\n| variable | meaning |\n|---|---|\n| `decision`, `comment` | the review |\n");
	}

	private int latestVersion() {
		ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey("hotDeploySample").latestVersion().singleResult();
		return latest == null ? 0 : latest.getVersion();
	}

	private void awaitVersion(int version) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(15));
		while (latestVersion() < version && Instant.now().isBefore(until)) {
			Thread.sleep(100);
		}
	}

	@Test
	void aSavedChangeIsDeployedAsTheNextVersionWithinSeconds() throws Exception {
		aProjectFolderWithTheSampleModel();
		try (ModelFolderWatcher watcher = new ModelFolderWatcher(deployer, check, root, DEPLOYMENT)) {
			watcher.deployNow();
			assertThat(latestVersion()).isEqualTo(1);
			watcher.start();

			Instant saved = Instant.now();
			Files.writeString(root.resolve("processes/hot-deploy-sample.bpmn"), bpmn.replace("審核樣例", "審核樣例（第二版）"));
			awaitVersion(2);
			assertThat(latestVersion()).isEqualTo(2);
			assertThat(Duration.between(saved, Instant.now())).isLessThan(Duration.ofSeconds(10));

			// A broken model is refused: still version 2.
			Files.writeString(root.resolve("processes/hot-deploy-sample.bpmn"),
					bpmn.replace("camunda:candidateGroups=\"brandPlanningHead\"", "camunda:candidateGroups=\"nobody\""));
			Thread.sleep(2500);
			assertThat(latestVersion()).isEqualTo(2);
		}
	}
}
