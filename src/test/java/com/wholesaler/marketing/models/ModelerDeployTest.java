package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.wholesaler.marketing.IntegrationTest;

/** Camunda Modeler deploys through the REST API with HTTP Basic: the process owner may, others may not. */
@IntegrationTest
class ModelerDeployTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repositoryService;

	/** What Camunda Modeler sends when a process owner presses "Deploy". */
	private ResponseEntity<String> deployAs(String user) throws Exception {
		byte[] bpmn = new String(new ClassPathResource("sample-models/processes/sample-review.bpmn").getInputStream()
				.readAllBytes(), StandardCharsets.UTF_8).replace("sampleReview", "modelerSample").getBytes(StandardCharsets.UTF_8);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "modeler-sample");
		body.add("deployment-source", "Camunda Modeler");
		body.add("deploy-changed-only", "true");
		body.add("modeler-sample.bpmn", new ByteArrayResource(bpmn) {
			@Override
			public String getFilename() {
				return "modeler-sample.bpmn";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
	}

	@Test
	void theProcessOwnerDeploysFromModeler() throws Exception {
		ResponseEntity<String> deployed = deployAs("owner");
		assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deployed.getBody()).contains("modelerSample");
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("modelerSample").count()).isPositive();
	}

	@Test
	void otherRolesAreRefused() throws Exception {
		long before = repositoryService.createDeploymentQuery().count();
		assertThat(deployAs("director").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deployAs("supply").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}
}
