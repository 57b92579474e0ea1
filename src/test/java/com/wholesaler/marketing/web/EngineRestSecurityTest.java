package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static com.wholesaler.marketing.JsonBody.json;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.wholesaler.marketing.IntegrationTest;

/** The engine REST API as the demo users see it, with authorization on. */
@IntegrationTest
class EngineRestSecurityTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	private Task reviewTask;

	@BeforeEach
	void aTaskForTheBrandPlanningHead() {
		String instance = runtimeService.startProcessInstanceByKey("sampleReview", "SAMPLE-" + System.nanoTime()).getId();
		reviewTask = taskService.createTaskQuery().processInstanceId(instance).singleResult();
	}

	@Test
	void withoutCredentialsTheApiAnswers401() {
		assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.withBasicAuth("brandmgr", "wrong").getForEntity("/engine-rest/task", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aClerkNeitherSeesNorCompletesAnotherGroupsTask() {
		TestRestTemplate clerk = rest.withBasicAuth("clerk1", "demo");
		ResponseEntity<List> visible = clerk.getForEntity("/engine-rest/task?processInstanceId="
				+ reviewTask.getProcessInstanceId(), List.class);
		assertThat(visible.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(visible.getBody()).isEmpty();

		ResponseEntity<Map> refused = clerk.exchange("/engine-rest/task/" + reviewTask.getId() + "/complete",
				HttpMethod.POST, json("{}"), Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("message").toString()).contains("您沒有這個角色");
		assertThat(taskService.createTaskQuery().taskId(reviewTask.getId()).count())
				.as("the refused call changed nothing").isEqualTo(1);
	}

	@Test
	void theCandidateGroupSeesAndCompletesItsTask() {
		TestRestTemplate head = rest.withBasicAuth("brandhead", "demo");
		ResponseEntity<List> visible = head.getForEntity("/engine-rest/task?processInstanceId="
				+ reviewTask.getProcessInstanceId(), List.class);
		assertThat(visible.getBody()).hasSize(1);

		ResponseEntity<String> done = head.exchange("/engine-rest/task/" + reviewTask.getId() + "/complete",
				HttpMethod.POST, json("{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}"), String.class);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(taskService.createTaskQuery().taskId(reviewTask.getId()).count()).isZero();
	}

	@Test
	void onlyTheProcessOwnerDeploys() {
		ResponseEntity<String> director = rest.withBasicAuth("director", "demo").getForEntity("/engine-rest/deployment", String.class);
		assertThat(director.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(director.getBody()).isEqualTo("[]");
		ResponseEntity<String> owner = rest.withBasicAuth("owner", "demo").getForEntity("/engine-rest/deployment", String.class);
		assertThat(owner.getBody()).contains("marketing-center-models");
	}
}
