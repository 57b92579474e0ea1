package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.IdentityService;
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

	@Autowired
	IdentityService identityService;

	/** What Camunda Modeler sends when a process owner presses "Deploy", with the form the model links to. */
	private ResponseEntity<String> deployAs(String user, UnaryOperator<String> change) throws Exception {
		String bpmn = change.apply(new String(new ClassPathResource("sample-models/processes/sample-review.bpmn").getInputStream()
				.readAllBytes(), StandardCharsets.UTF_8).replace("\"sampleReview\"", "\"modelerSample\""));
		byte[] form = new ClassPathResource("sample-models/forms/sample-review.form").getInputStream().readAllBytes();
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "modeler-sample");
		body.add("deployment-source", "Camunda Modeler");
		body.add("deploy-changed-only", "true");
		body.add("modeler-sample.bpmn", file("modeler-sample.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
		body.add("sample-review.form", file("sample-review.form", form));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
	}

	private ResponseEntity<String> deployAs(String user) throws Exception {
		return deployAs(user, UnaryOperator.identity());
	}

	private static ByteArrayResource file(String name, byte[] content) {
		return new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	/** A service task whose expression runs what the owner writes, as the engine. */
	private static UnaryOperator<String> withExpression(String expression) {
		return bpmn -> bpmn.replace("<bpmn:userTask id=\"Task_ReviewSample\"",
				"<bpmn:serviceTask id=\"Task_Sneak\" name=\"偷偷\" camunda:expression=\"" + expression + "\"></bpmn:serviceTask>"
						+ "<bpmn:userTask id=\"Task_ReviewSample\"");
	}

	@Test
	void theProcessOwnerDeploysFromModeler() throws Exception {
		ResponseEntity<String> deployed = deployAs("owner");
		assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(deployed.getBody()).contains("modelerSample");
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("modelerSample").count()).isPositive();
	}

	@Test
	void aModelThatReachesPastTheProjectsBeansIsRefusedWithTheCheckAndDeploysNothing() throws Exception {
		long before = repositoryService.createDeploymentQuery().count();
		for (String expression : new String[] { "${identityService.createMembership('owner','camunda-admin')}",
				"${execution.processEngineServices.identityService.createMembership('owner','camunda-admin')}",
				"${purchasePlans.decide('PP-2026-12-001', null, 'owner', null, null)}" }) {
			ResponseEntity<String> refused = deployAs("owner", withExpression(expression));
			assertThat(refused.getStatusCode()).as(expression).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody()).as(expression).contains("模型未通過檢查").contains("expression")
					.doesNotContain("Exception").doesNotContain("at org.");
		}
		ResponseEntity<String> script = deployAs("owner", bpmn -> bpmn.replace("<bpmn:userTask id=\"Task_ReviewSample\"",
				"<bpmn:scriptTask id=\"Task_Script\" name=\"腳本\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"
						+ "<bpmn:userTask id=\"Task_ReviewSample\""));
		assertThat(script.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
		assertThat(identityService.createUserQuery().userId("owner").memberOfGroup("camunda-admin").count()).isZero();
	}

	@Test
	void otherRolesAreRefused() throws Exception {
		long before = repositoryService.createDeploymentQuery().count();
		assertThat(deployAs("director").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deployAs("supply").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}
}
