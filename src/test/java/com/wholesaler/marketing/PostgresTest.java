package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.catalog.Catalog;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production profile on a real PostgreSQL (binaries from Maven Central, nothing to install):
 * migrations, engine schema, demo data and a process, the refusal to start without an
 * administrator password, and health following the database down and up again.
 */
class PostgresTest {


	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
		admin.execute("CREATE DATABASE marketing");
		admin.execute("CREATE DATABASE empty_marketing");
		admin.execute("CREATE DATABASE races");
		admin.execute("CREATE DATABASE orders");
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	private static ConfigurableApplicationContext start(String database, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of(
				"--spring.profiles.active=postgres",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres",
				"--spring.datasource.password="));
		args.addAll(List.of(more));
		return StandaloneApp.start("postgresTest", args);
	}

	@Test
	void runsOnPostgresWithDemoData() {
		try (ConfigurableApplicationContext app = start("marketing", "--marketing.demo-data=true")) {
			Catalog catalog = app.getBean(Catalog.class);
			assertThat(catalog.count("retailer")).isEqualTo(30_000);
			assertThat(catalog.count("daily_sales")).isEqualTo((long) com.wholesaler.marketing.catalog.DemoCompany.PRODUCTS
					* com.wholesaler.marketing.catalog.DemoCompany.HISTORY_DAYS);
			assertThat(app.getBean(com.wholesaler.marketing.catalog.StockWarnings.class).current()).isNotEmpty();
			assertThat(catalog.activeRetailerCounts().perTier()[30]).isPositive();

			ProcessEngine engine = app.getBean(ProcessEngine.class);
			assertThat(engine.getIdentityService().createGroupQuery().groupId("centerDirector").count()).isEqualTo(1);
			assertThat(app.getBean(JdbcTemplate.class).queryForObject(
					"SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = 'marketing_authorization_perms'", Integer.class))
					.as("statistics on the permission bits for the task queries").isEqualTo(1);
			String instance = engine.getRuntimeService().startProcessInstanceByKey("sampleReview", "SAMPLE-PG").getId();
			Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
			com.wholesaler.marketing.web.MyWork.Summary work = app.getBean(com.wholesaler.marketing.web.MyWork.class)
					.of("brandhead", List.of("brandPlanningHead"));
			assertThat(work.newest()).as("the portal's task list on PostgreSQL").extracting(com.wholesaler.marketing.web.MyWork.OpenTask::id)
					.contains(task.getId());
			assertThat(app.getBean(com.wholesaler.marketing.web.MyWork.class).of("clerk1", List.of("phoneClerk")).newest())
					.extracting(com.wholesaler.marketing.web.MyWork.OpenTask::id).doesNotContain(task.getId());
			assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReviewSample");
			engine.getTaskService().complete(task.getId());
			assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
					.singleResult().getState()).isEqualTo("COMPLETED");
		}
	}

	@Test
	void refusesToStartWithoutAnAdministratorPasswordOutsideDemoMode() {
		assertThatThrownBy(() -> start("empty_marketing", "--marketing.demo-data=false", "--marketing.admin.password="))
				.hasStackTraceContaining("MARKETING_ADMIN_PASSWORD");
	}

	@Test
	void createsTheAdministratorFromTheEnvironmentOutsideDemoMode() {
		try (ConfigurableApplicationContext app = start("empty_marketing", "--marketing.demo-data=false",
				"--marketing.admin.password=s3cret-Admin")) {
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			assertThat(engine.getIdentityService().checkPassword("admin", "s3cret-Admin")).isTrue();
			assertThat(engine.getIdentityService().createUserQuery().userId("director").count())
					.as("no demo users in production").isZero();
			assertThat(app.getBean(Catalog.class).count("retailer")).as("no demo company").isZero();
		}
	}

	@Test
	void startsAtTheSameMomentNeverFailOnTheDocumentNumber() throws Exception {
		try (ConfigurableApplicationContext app = start("races", "--marketing.demo-data=false",
				"--marketing.admin.password=s3cret-Admin", "--marketing.models.locations=classpath*:processes/**/*.bpmn,"
						+ "classpath*:processes/**/*.dmn,classpath*:forms/**/*.form")) {
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			int starts = 8;
			for (String month : List.of("2099-01", "2099-02", "2099-03")) {
				CountDownLatch ready = new CountDownLatch(starts);
				ExecutorService pool = Executors.newFixedThreadPool(starts);
				List<Future<String>> numbers = new ArrayList<>();
				for (int i = 0; i < starts; i++) {
					numbers.add(pool.submit(() -> {
						engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
						try {
							ready.countDown();
							ready.await();
							return engine.getRuntimeService().startProcessInstanceByKey("purchasePlanApproval",
									java.util.Map.of("period", month)).getBusinessKey();
						}
						finally {
							engine.getIdentityService().clearAuthentication();
						}
					}));
				}
				Set<String> keys = new TreeSet<>();
				for (Future<String> number : numbers) {
					keys.add(number.get(60, TimeUnit.SECONDS));
				}
				pool.shutdown();
				assertThat(keys).as("every start of " + month + " got its own number").hasSize(starts)
						.allMatch(k -> k.matches("PP-" + month + "-00[1-8]"));
			}
		}
	}

	/** Twenty calls at once for the same retailer and limited product: exactly the limit is ordered, never more. */
	@Test
	void ordersAtTheSameMomentNeverGoPastALimit() throws Exception {
		try (ConfigurableApplicationContext app = start("orders", "--marketing.demo-data=true")) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			String retailer = com.wholesaler.marketing.ordering.TodaysRoute.forClerk(jdbc, "T-RACE", "clerk1", 1).get(0);
			String product = jdbc.queryForObject("""
					SELECT p.code FROM product p JOIN stock s ON s.product_code = p.code
					WHERE p.status = 'ACTIVE' AND s.on_hand > 100 ORDER BY p.code FETCH FIRST 1 ROWS ONLY""", String.class);
			com.wholesaler.marketing.ordering.TodaysRoute.limit(jdbc, "SS-TEST-RACE", product, 5);
			int reserved = jdbc.queryForObject("SELECT reserved FROM stock WHERE product_code = ?", Integer.class, product);
			String url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/orders";
			java.time.LocalDateTime now = java.time.LocalDateTime.now(com.wholesaler.marketing.catalog.BusinessTime.ZONE);
			String body = """
					{"retailerCode": "%s", "outcome": "CONNECTED", "startedAt": "%s", "endedAt": "%s", "paymentReminded": true,
					 "lines": [{"productCode": "%s", "cartons": 1}]}""".formatted(retailer, now.minusMinutes(1), now, product);
			java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
			String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("clerk1:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 20; i++) {
				calls.add(pool.submit(() -> {
					go.await();
					return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", basic)
							.header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
							java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
				}));
			}
			go.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> call : calls) {
				statuses.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			pool.shutdown();
			assertThat(statuses).as("statuses %s", statuses).filteredOn(s -> s == 201).hasSize(5);
			assertThat(statuses).as("statuses %s", statuses).filteredOn(s -> s == 422).hasSize(15);
			assertThat(jdbc.queryForObject("SELECT SUM(l.cartons) FROM phone_order_line l JOIN phone_order o ON o.id = l.order_id "
					+ "WHERE o.retailer_code = ? AND l.product_code = ?", Integer.class, retailer, product)).isEqualTo(5);
			assertThat(jdbc.queryForObject("SELECT reserved FROM stock WHERE product_code = ?", Integer.class, product)).isEqualTo(reserved + 5);
		}
	}

	@Test
	void healthGoesDownWithTheDatabaseAndComesBackWithoutARestart() throws Exception {
		Path data = Files.createTempDirectory("pg-health");
		EmbeddedPostgres own = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
		int port = own.getPort();
		new JdbcTemplate(own.getPostgresDatabase()).execute("CREATE DATABASE health");
		List<String> args = List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + own.getJdbcUrl("postgres", "health"), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.datasource.hikari.connection-timeout=1000",
				"--marketing.demo-data=false", "--marketing.admin.password=s3cret-Admin", "--camunda.bpm.job-execution.enabled=true");
		try (ConfigurableApplicationContext app = StandaloneApp.start("healthTest", args)) {
			HealthEndpoint health = app.getBean(HealthEndpoint.class);
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
			org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobs = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) app
					.getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
			assertThat(jobs.getBackoffTimeInMillis()).as("cluster tuning of the postgres profile").isEqualTo(50);
			assertThat(jobs.getMaxJobsPerAcquisition()).isEqualTo(6);
			assertThat(jobs.getLockTimeInMillis()).isEqualTo(300_000);

			own.close();
			awaitStatus(health, Status.DOWN);

			own = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
			awaitStatus(health, Status.UP);
			assertThat(app.getBean(ProcessEngine.class).getIdentityService().checkPassword("admin", "s3cret-Admin"))
					.as("the engine works again on the same pool").isTrue();
		}
		finally {
			own.close();
		}
	}

	private static void awaitStatus(HealthEndpoint health, Status expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!health.health().getStatus().equals(expected)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("health stayed " + health.health().getStatus() + ", expected " + expected);
			}
			Thread.sleep(200);
		}
	}
}
