package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.identity.DemoUser;
import com.wholesaler.marketing.identity.Role;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Every demo user against every family of engine REST calls, on each of the five processes in a
 * state where the call matters, on PostgreSQL: the expected answer of each cell is written below
 * from the role table (docs/roles.md), the test prints the whole table and fails on any wrong cell.
 * An allowed call that changes the case gets an instance of its own, so every cell meets the state.
 */
class AuthorizationMatrixTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String ENGINE = "authorizationMatrix";

	private static EmbeddedPostgres postgres;
	private static ConfigurableApplicationContext app;
	private static ProcessEngine engine;
	private static ProcessWalker walker;
	private static HttpClient http;
	private static String base;

	/** The five processes, each waiting at a step of one role, with what the step offers. */
	enum Case {
		PLAN("purchasePlanApproval", "Task_CheckPlan", Role.GENERAL_ADMIN, null),
		CONTRACT("contractSigning", "Task_RecordSigning", Role.BRAND_PLANNING_HEAD, "ContractCountersigned"),
		AMENDMENT("contractAmendment", "Task_ReviewAmendment", Role.BRAND_PLANNING_HEAD, null),
		PRICE("priceAdjustment", "Task_RecordAuthorityDecision", Role.GENERAL_ADMIN, "PriceDecision"),
		SHORTAGE("shortageSubstitution", "Task_AcknowledgeLimits", Role.SEAT_LEADER, "StockRecovered");

		final String processKey;
		final String taskKey;
		final Role role;
		final String message;

		Case(String processKey, String taskKey, Role role, String message) {
			this.processKey = processKey;
			this.taskKey = taskKey;
			this.role = role;
			this.message = message;
		}
	}

	/** A family of calls, what it does to a case in that state, and who the role table lets make it. */
	enum Family {
		TASK_COMPLETE(true), TASK_CLAIM(true), TASK_ASSIGN_OUTSIDE_ROLE(true), TASK_ADD_CANDIDATE_GROUP(true),
		TASK_VARIABLE(true), INSTANCE_MODIFICATION(true), INSTANCE_VARIABLE(true), INSTANCE_SUSPENSION(true),
		INSTANCE_DELETION(true), MESSAGE(true), JOB_EXECUTE(true), JOB_DUE_DATE(true), MIGRATION(true),
		BATCH_DELETION(true), HISTORY_READ(false);

		final boolean changesTheCase;

		Family(boolean changesTheCase) {
			this.changesTheCase = changesTheCase;
		}
	}

	/** Calls that concern no particular case. */
	enum GlobalFamily {
		SIGNAL, DEPLOYMENT_CREATE, DECISION_EVALUATION, FILTER_CREATE, FILTER_UPDATE, USER_CREATE, GROUP_CREATE,
		AUTHORIZATION_CREATE
	}

	/** The role table: who may, from the groups of the user. null: the case has no such thing to call (n/a). */
	static Boolean expected(Family family, Case c, String group) {
		boolean admin = Role.CAMUNDA_ADMIN.equals(group);
		return switch (family) {
			case TASK_COMPLETE, TASK_CLAIM -> c.role.groupId().equals(group);
			case TASK_ASSIGN_OUTSIDE_ROLE -> false;
			case TASK_ADD_CANDIDATE_GROUP, TASK_VARIABLE, INSTANCE_MODIFICATION, INSTANCE_VARIABLE, INSTANCE_SUSPENSION,
					INSTANCE_DELETION, MIGRATION, BATCH_DELETION -> admin;
			case MESSAGE -> c.message == null ? null
					: admin || Role.INTEGRATION.equals(group) && (c == Case.CONTRACT || c == Case.PRICE);
			case JOB_EXECUTE, JOB_DUE_DATE -> c == Case.AMENDMENT ? null : admin;
			case HISTORY_READ -> admin || Role.PROCESS_OWNER.groupId().equals(group);
		};
	}

	static boolean expected(GlobalFamily family, String group) {
		boolean admin = Role.CAMUNDA_ADMIN.equals(group);
		return switch (family) {
			case DEPLOYMENT_CREATE, DECISION_EVALUATION -> admin || Role.PROCESS_OWNER.groupId().equals(group);
			default -> admin;
		};
	}

	@BeforeAll
	static void startOnPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		new org.springframework.jdbc.core.JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE matrix");
		app = StandaloneApp.start(ENGINE, List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "matrix"), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--marketing.demo-data=true", "--marketing.metrics.refresh=PT24H",
				"--marketing.models.locations=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form"));
		engine = app.getBean(ProcessEngine.class);
		walker = new ProcessWalker(app);
		http = HttpClient.newHttpClient();
		// a named engine, addressed by name: the shared test context's engine is "default" in the same JVM
		base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/engine-rest/engine/" + ENGINE;
	}

	@AfterAll
	static void stop() throws IOException {
		if (app != null) {
			app.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	/** A new instance of the case, waiting at its step. */
	private static String fresh(Case c) {
		String instance = switch (c) {
			case AMENDMENT -> {
				String contract = walker.walkUntil(walker.starters().get("contractSigning").get(), "Task_ConfirmArrival");
				String number = (String) engine.getRuntimeService().getVariable(contract, "contractNumber");
				String product = app.getBean(com.wholesaler.marketing.contract.Contracts.class).lines(number).get(0).productCode();
				engine.getIdentityService().setAuthentication("genadmin", List.of(Role.GENERAL_ADMIN.groupId()));
				try {
					yield engine.getRuntimeService().startProcessInstanceByKey("contractAmendment", Map.of("contractNumber", number,
							"amendmentKind", "QUANTITY", "amendmentLines", product + " 1", "reason", "工業企業減量")).getId();
				}
				finally {
					engine.getIdentityService().clearAuthentication();
				}
			}
			default -> walker.starters().get(c.processKey).get();
		};
		return walker.walkUntil(instance, c.taskKey);
	}

	private static HttpResponse<String> call(String user, String method, String path, Object body) {
		try {
			return send(user, path, "application/json", body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8), method);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** One request to the engine's REST API as the user (password demo). */
	private static HttpResponse<String> send(String user, String path, String contentType, HttpRequest.BodyPublisher body,
			String method) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", contentType).method(method, body).build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static Task task(String instance, Case c) {
		return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(c.taskKey).list().get(0);
	}

	private static Map<String, Object> value(Object v) {
		return Map.of("value", v);
	}

	/** What the step's form takes, as Tasklist sends it. */
	private static Map<String, Object> answers(Case c) {
		return switch (c) {
			case PLAN, AMENDMENT -> Map.of("decision", value("APPROVE"), "comment", value("同意"));
			case CONTRACT -> Map.of("platformContractNumber", value("ZY-MATRIX"));
			case PRICE -> Map.of("authorityDecision", value("ACCEPTED"));
			case SHORTAGE -> Map.of("acknowledged", Map.of("value", true, "type", "Boolean"));
		};
	}

	private static HttpResponse<String> make(Family family, Case c, String user, String instance) {
		String definition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
				.getProcessDefinitionId();
		Function<String, String> job = x -> engine.getManagementService().createJobQuery().processInstanceId(instance).list()
				.stream().map(Job::getId).findFirst().orElseThrow();
		return switch (family) {
			case TASK_COMPLETE -> call(user, "POST", "/task/" + task(instance, c).getId() + "/complete", Map.of("variables", answers(c)));
			case TASK_CLAIM -> call(user, "POST", "/task/" + task(instance, c).getId() + "/claim", Map.of("userId", user));
			case TASK_ASSIGN_OUTSIDE_ROLE -> call(user, "POST", "/task/" + task(instance, c).getId() + "/assignee", Map.of("userId", "clerk1"));
			case TASK_ADD_CANDIDATE_GROUP -> call(user, "POST", "/task/" + task(instance, c).getId() + "/identity-links",
					Map.of("groupId", "phoneClerk", "type", "candidate"));
			case TASK_VARIABLE -> call(user, "PUT", "/task/" + task(instance, c).getId() + "/variables/decision", value("APPROVE"));
			case INSTANCE_MODIFICATION -> call(user, "POST", "/process-instance/" + instance + "/modification",
					Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", c.taskKey))));
			case INSTANCE_VARIABLE -> call(user, "PUT", "/process-instance/" + instance + "/variables/needsExecutive",
					Map.of("value", false, "type", "Boolean"));
			case INSTANCE_SUSPENSION -> call(user, "PUT", "/process-instance/" + instance + "/suspended", Map.of("suspended", true));
			case INSTANCE_DELETION -> call(user, "DELETE", "/process-instance/" + instance, null);
			case MESSAGE -> call(user, "POST", "/message", Map.of("messageName", c.message, "processInstanceId", instance,
					"processVariables", Map.of("platformContractNumber", value("ZY-MSG"), "authorityDecision", value("ACCEPTED"))));
			case JOB_EXECUTE -> call(user, "POST", "/job/" + job.apply(instance) + "/execute", null);
			case JOB_DUE_DATE -> call(user, "PUT", "/job/" + job.apply(instance) + "/duedate",
					Map.of("duedate", "2031-01-01T00:00:00.000+0800"));
			case MIGRATION -> call(user, "POST", "/migration/execute", Map.of("processInstanceIds", List.of(instance),
					"migrationPlan", migrationPlan(definition)));
			case BATCH_DELETION -> call(user, "POST", "/process-instance/delete", Map.of("processInstanceIds", List.of(instance),
					"deleteReason", "矩陣測試"));
			case HISTORY_READ -> call(user, "GET", "/history/process-instance/" + instance, null);
		};
	}

	/** The engine's plan from a version to itself, every equal activity mapped, generated as the administrator. */
	private static Object migrationPlan(String definition) {
		try {
			return JSON.readValue(call("sysadmin", "POST", "/migration/generate", Map.of("sourceProcessDefinitionId", definition,
					"targetProcessDefinitionId", definition)).body(), Map.class);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static HttpResponse<String> make(GlobalFamily family, String user) {
		String unique = user + System.nanoTime() % 100_000;
		return switch (family) {
			case SIGNAL -> call(user, "POST", "/signal", Map.of("name", "MatrixSignal"));
			case DEPLOYMENT_CREATE -> deploy(user);
			case DECISION_EVALUATION -> call(user, "POST", "/decision-definition/key/substitutionApproval/evaluate", Map.of("variables",
					Map.of("priceClass", Map.of("value", 3, "type", "Integer"), "lowerLimitShare", Map.of("value", 0.1, "type", "Double"))));
			case FILTER_CREATE -> call(user, "POST", "/filter/create", Map.of("resourceType", "Task", "name", "矩陣" + unique, "query", Map.of()));
			case FILTER_UPDATE -> call(user, "PUT", "/filter/" + engine.getFilterService().createFilterQuery().list().get(0).getId(),
					Map.of("resourceType", "Task", "name", "改名", "query", Map.of()));
			case USER_CREATE -> call(user, "POST", "/user/create", Map.of("profile", Map.of("id", "m" + Math.abs(unique.hashCode()),
					"firstName", "矩", "lastName", "陣"), "credentials", Map.of("password", "matrix-Pw1")));
			case GROUP_CREATE -> call(user, "POST", "/group/create", Map.of("id", "g" + Math.abs(unique.hashCode()), "name", "矩陣"));
			case AUTHORIZATION_CREATE -> call(user, "POST", "/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
					"userId", user, "resourceType", 8, "resourceId", "*"));
		};
	}

	/** A one-step model with its form, as Camunda Modeler deploys it. */
	private static HttpResponse<String> deploy(String user) {
		try {
			String boundary = "matrix" + System.nanoTime();
			byte[] bpmn = new String(new org.springframework.core.io.ClassPathResource("sample-models/processes/sample-review.bpmn")
					.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\"sampleReview\"", "\"modelerSample\"")
					.getBytes(StandardCharsets.UTF_8);
			byte[] form = new org.springframework.core.io.ClassPathResource("sample-models/forms/sample-review.form").getInputStream()
					.readAllBytes();
			StringBuilder head = new StringBuilder();
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			for (String[] part : new String[][] { { "deployment-name", "modeler-sample" }, { "deployment-source", "Camunda Modeler" } }) {
				head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
						.append("\"\r\n\r\n").append(part[1]).append("\r\n");
			}
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			for (Object[] file : new Object[][] { { "modeler-sample.bpmn", bpmn }, { "sample-review.form", form } }) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file[0] + "\"; filename=\"" + file[0]
						+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				out.write((byte[]) file[1]);
				out.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(user, "/deployment/create", "multipart/form-data; boundary=" + boundary,
					HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()), "POST");
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * A refusal, not an accident: 400 (a rule, with its sentence) or 403 (no grant); a history or a
	 * decision table the user may not read is simply not found for them (404).
	 */
	private static boolean refused(HttpResponse<String> response, boolean notFoundIsRefusal) {
		int status = response.statusCode();
		return status == 400 || status == 403 || notFoundIsRefusal && status == 404;
	}

	@Test
	void everyUserGetsWhatTheRoleTableSaysAndNothingElse() {
		Map<Case, String> shared = new LinkedHashMap<>();
		for (Case c : Case.values()) {
			shared.put(c, fresh(c));
		}
		List<String> wrong = new ArrayList<>();
		StringBuilder table = new StringBuilder("\nuser        family                     ");
		for (Case c : Case.values()) {
			table.append(String.format("%-10s", c));
		}
		table.append('\n');
		int cells = 0;
		for (DemoUser user : DemoUser.ALL) {
			for (Family family : Family.values()) {
				table.append(String.format("%-12s%-27s", user.id(), family));
				for (Case c : Case.values()) {
					Boolean allow = expected(family, c, user.groupId());
					if (allow == null) {
						table.append(String.format("%-10s", "n/a"));
						continue;
					}
					String instance = allow && family.changesTheCase ? fresh(c) : shared.get(c);
					HttpResponse<String> response = make(family, c, user.id(), instance);
					boolean allowed = response.statusCode() / 100 == 2;
					boolean right = allowed ? allow : !allow && refused(response, family == Family.HISTORY_READ);
					cells++;
					table.append(String.format("%-10s", (allowed ? "allow" : "deny") + (right ? "" : "!" + response.statusCode())));
					if (!right) {
						wrong.add("%s %s %s: expected %s, got %d %s".formatted(user.id(), family, c, allow ? "allow" : "deny",
								response.statusCode(), response.body()));
					}
					if (allowed && family.changesTheCase && !allow) {
						shared.put(c, fresh(c));
					}
				}
				table.append('\n');
			}
			for (GlobalFamily family : GlobalFamily.values()) {
				boolean allow = expected(family, user.groupId());
				HttpResponse<String> response = make(family, user.id());
				boolean allowed = response.statusCode() / 100 == 2;
				boolean right = allowed ? allow : !allow && refused(response, family == GlobalFamily.DECISION_EVALUATION);
				cells++;
				table.append(String.format("%-12s%-27s%s%n", user.id(), family, (allowed ? "allow" : "deny") + (right ? "" : "!" + response.statusCode())));
				if (!right) {
					wrong.add("%s %s: expected %s, got %d %s".formatted(user.id(), family, allow ? "allow" : "deny",
							response.statusCode(), response.body()));
				}
			}
		}
		table.append("%d cells, %d wrong%n".formatted(cells, wrong.size()));
		System.out.println(table);
		assertThat(wrong).as(table.toString()).isEmpty();
	}
}
