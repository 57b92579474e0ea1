package com.wholesaler.marketing.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.DemoWorkers;
import com.wholesaler.marketing.approval.FormSchema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Camunda's homogeneous cluster for real: two nodes of the application, each its own JVM on its own
 * port, share one PostgreSQL. 200 instances of the four processes are started
 * through node A's REST API and every user task is completed through node B's; the timers on the way
 * (review reminders and escalations, the authority reminder, the effective date, the time to refuse
 * payment, the end of a shortage plan) are made due by moving their due date, as an administrator
 * would, and the two job executors race for them. Node A is killed with {@code kill -9} while it holds
 * jobs; node B takes them over when their lock expires and finishes everything. Then every side
 * effect in the domain tables is counted: once, never twice. The daily stock warning is triggered
 * twice on one day and starts each shortage case once.
 * <p>
 * Two settings differ from the postgres profile so the test takes minutes, not a quarter hour: the
 * lock time (10 s instead of 5 min) and the longest idle wait of a job executor (5 s instead of 60 s).
 */
class ClusterTest {

	static final int PLANS = 10;
	static final int CONTRACTS = 70;
	static final int PRICES = 60;
	static final int SHORTAGES = 60;

	private static final String NODE_A = "node-a";
	private static final String NODE_B = "node-b";
	private static final int LOCK_TIME_MILLIS = 10_000;

	/** Tasks whose boundary timers are made due (and run) before the task is worked. */
	private static final Set<String> FIRE_TIMERS_FIRST = Set.of("Task_ReviewByPlanningHead", "Task_RecordAuthorityDecision",
			"Task_DecidePayment");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final ObjectMapper json = new ObjectMapper();
	private JdbcTemplate jdbc;
	private NamedParameterJdbcTemplate named;
	private final Map<String, String> groupOfTask = candidateGroupsOfTheModels();

	@Test
	void twoNodesShareTheWorkAndTheSurvivorFinishesItWhenOneIsKilled() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE cluster");
			String url = postgres.getJdbcUrl("postgres", "cluster");
			jdbc = new JdbcTemplate(postgres.getDatabase("postgres", "cluster"));
			named = new NamedParameterJdbcTemplate(jdbc);

			// one after the other, as a rolling start would: the first loads the demo company
			Node a = Node.start(NODE_A, url);
			Node b = null;
			try {
				a.awaitUp();
				int deployments = jdbc.queryForObject("SELECT COUNT(*) FROM act_re_deployment", Integer.class);
				b = Node.start(NODE_B, url);
				b.awaitUp();
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_re_deployment", Integer.class))
						.as("the second node deploys nothing: the models are unchanged").isEqualTo(deployments);

				long onHandBefore = jdbc.queryForObject("SELECT SUM(on_hand) FROM stock", Long.class);
				Map<String, String> processOf = startInstancesOn(a);
				assertThat(processOf).hasSize(200);

				dailyStockWarningRunsOncePerDay(b);

				long driving = System.nanoTime();
				Takeover takeover = driveToTheEnd(processOf.keySet(), a, b);
				System.out.printf("Cluster: 200 instances driven to their end in %.1f s; jobs run per node: %s%n",
						(System.nanoTime() - driving) / 1e9, jdbc.queryForList(
								"SELECT hostname_, COUNT(*) AS jobs FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_ ORDER BY hostname_"));

				assertThat(takeover.lockedByA()).as("node A held jobs when it was killed").isNotEmpty();
				everyJobRanOnceAndNodeBTookOverNodeAsJobs(takeover);
				everyInstanceCompleted(processOf.keySet());
				sideEffectsHappenedOnce(processOf, onHandBefore);
			}
			finally {
				a.kill();
				if (b != null) {
					b.kill();
				}
			}
		}
	}

	// --- starting -------------------------------------------------------------------------------

	private Map<String, String> startInstancesOn(Node node) throws Exception {
		Map<String, String> processOf = new LinkedHashMap<>();
		String period = YearMonth.now().plusMonths(1).toString();
		List<Map<String, Object>> products = jdbc.queryForList("""
				SELECT p.code, p.wholesale_price, p.retail_price, s.on_hand FROM product p JOIN stock s ON s.product_code = p.code
				WHERE p.status = 'ACTIVE' ORDER BY p.code""");
		List<Map<String, Object>> plentiful = products.stream().filter(p -> ((Number) p.get("on_hand")).intValue() > 1_000).toList();
		// a few plans: each approved one asks for a contract from every manufacturer in it
		for (int i = 0; i < PLANS; i++) {
			processOf.put(start(node, "supply", "purchasePlanApproval", Map.of("period", period, "note", "叢集測試")), "plan");
		}
		for (int i = 0; i < CONTRACTS; i++) {
			processOf.put(start(node, "genadmin", "contractSigning", Map.of("manufacturerCode", "M%02d".formatted(1 + i % 30),
					"period", period, "reason", "叢集測試")), "contract");
		}
		for (int i = 0; i < PRICES; i++) {
			Map<String, Object> p = products.get(i);
			String line = "%s %s %s".formatted(p.get("code"), raise((BigDecimal) p.get("wholesale_price")),
					raise((BigDecimal) p.get("retail_price")));
			processOf.put(start(node, "genadmin", "priceAdjustment", Map.of("lines", line, "reason", "叢集測試",
					"effectiveDate", LocalDate.now().plusDays(10).toString())), "price");
		}
		for (int i = 0; i < SHORTAGES; i++) {
			Map<String, Object> p = plentiful.get(plentiful.size() - 1 - i);
			processOf.put(start(node, "supply", "shortageSubstitution", Map.of("productCode", p.get("code"), "note", "叢集測試")), "shortage");
		}
		return processOf;
	}

	private static String raise(BigDecimal price) {
		return price.multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private String start(Node node, String user, String processKey, Map<String, Object> variables) throws Exception {
		JsonNode started = call(node, user, "POST", "/process-definition/key/" + processKey + "/start",
				Map.of("variables", typed(variables)), 200);
		return started.get("id").asText();
	}

	// --- the daily stock warning ----------------------------------------------------------------

	private void dailyStockWarningRunsOncePerDay(Node node) throws Exception {
		String warningJob = """
				SELECT j.id_ FROM act_ru_job j WHERE j.process_def_key_ = 'stockWarning' AND j.handler_type_ = 'timer-start-event'""";
		for (int run = 1; run <= 2; run++) {
			List<String> jobs = jdbc.queryForList(warningJob, String.class);
			assertThat(jobs).as("one daily stock warning job, however many nodes").hasSize(1);
			makeDue(node, jobs.get(0));
			int expectedRuns = run;
			awaitTrue("stock warning run " + run, () -> jdbc.queryForObject("""
					SELECT COUNT(*) FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_
					WHERE d.key_ = 'stockWarning' AND p.end_time_ IS NOT NULL""", Integer.class) == expectedRuns
					&& !jdbc.queryForList(warningJob + " AND j.duedate_ > now()", String.class).isEmpty());
		}
		assertThat(jdbc.queryForObject("""
				SELECT COUNT(*) FROM act_ru_job j WHERE j.process_def_key_ = 'stockWarning' AND j.duedate_ > now() AND j.duedate_ <= now() + INTERVAL '1 day'""", Integer.class))
				.as("the next warning is due within a day").isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shortage_case WHERE started_by <> 'supply'", Integer.class))
				.as("the warning started shortage cases").isPositive();
		assertThat(jdbc.queryForList("""
				SELECT product_code FROM shortage_case GROUP BY product_code HAVING COUNT(*) > 1""", String.class))
				.as("products with two shortage cases after two warnings on one day").isEmpty();
	}

	// --- working the instances -------------------------------------------------------------------

	/** The jobs node A held when it was killed, with the time each lock was to expire. */
	record Takeover(Map<String, java.sql.Timestamp> lockedByA) {
	}

	/**
	 * Rounds until every instance has ended: an instance with a due job waits for the job executors;
	 * one waiting for a timer gets the timer made due; otherwise its next task is completed through
	 * node B. Node A is killed once it holds jobs after the first wave of timers.
	 */
	private Takeover driveToTheEnd(Set<String> instances, Node a, Node b) throws Exception {
		Set<String> timersFiredFor = new HashSet<>();
		Map<String, Integer> failures = new HashMap<>();
		int timersMadeDue = 0;
		Takeover takeover = null;
		long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
		Map<String, Object> ids = Map.of("ids", instances);
		while (true) {
			List<String> running = named.queryForList(
					"SELECT id_ FROM act_ru_execution WHERE id_ = proc_inst_id_ AND id_ IN (:ids)", ids, String.class);
			if (running.isEmpty()) {
				break;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(running.size() + " instances did not end, e.g. " + named.queryForList("""
						SELECT e.proc_inst_id_, e.act_id_ FROM act_ru_execution e WHERE e.proc_inst_id_ IN (:ids) AND e.act_id_ IS NOT NULL""",
						ids).stream().limit(10).toList() + "; failures: " + failures);
			}
			Set<String> waitingForJobExecutor = new HashSet<>(named.queryForList(
					"SELECT process_instance_id_ FROM act_ru_job WHERE duedate_ <= now() AND process_instance_id_ IN (:ids)", ids, String.class));
			Map<String, List<Map<String, Object>>> tasksOf = named.queryForList("""
					SELECT id_, proc_inst_id_, task_def_key_, assignee_ FROM act_ru_task WHERE proc_inst_id_ IN (:ids) ORDER BY create_time_""",
					ids).stream().collect(Collectors.groupingBy(t -> (String) t.get("proc_inst_id_")));
			int madeDueThisRound = 0;
			for (String instance : running) {
				if (waitingForJobExecutor.contains(instance)) {
					continue;
				}
				List<Map<String, Object>> open = tasksOf.getOrDefault(instance, List.of());
				if (open.isEmpty()) {
					List<String> timers = jdbc.queryForList("SELECT id_ FROM act_ru_job WHERE process_instance_id_ = ? ORDER BY duedate_",
							String.class, instance);
					if (!timers.isEmpty()) {
						makeDue(b, timers.get(0));
						madeDueThisRound++;
					}
					continue;
				}
				// arrivals before invoices: an invoice is checked against what has arrived
				Map<String, Object> task = open.stream().filter(t -> !"Task_CheckInvoice".equals(t.get("task_def_key_"))).findFirst()
						.orElse(open.get(0));
				String taskId = (String) task.get("id_");
				String key = (String) task.get("task_def_key_");
				if (FIRE_TIMERS_FIRST.contains(key) && timersFiredFor.add(taskId)) {
					for (String timer : jdbc.queryForList("SELECT id_ FROM act_ru_job WHERE process_instance_id_ = ? AND handler_type_ = 'timer-transition'",
							String.class, instance)) {
						makeDue(b, timer);
						madeDueThisRound++;
					}
					continue;
				}
				String user = task.get("assignee_") != null ? (String) task.get("assignee_") : DemoWorkers.of(groupOfTask.get(key));
				HttpResponse<String> done = send(b, user, "POST", "/task/" + taskId + "/complete",
						Map.of("variables", asTasklistSends(b, user, taskId, key, answers(instance, key))));
				if (done.statusCode() != 204) {
					// e.g. a job of the same instance committed first: the next round tries again
					int n = failures.merge(key + ": " + done.statusCode() + " " + done.body(), 1, Integer::sum);
					assertThat(n).as("task %s keeps failing: %s", key, done.body()).isLessThan(5);
				}
			}
			timersMadeDue += madeDueThisRound;
			if (takeover == null && timersMadeDue >= 40 && madeDueThisRound > 0) {
				takeover = killWhileHoldingJobs(a, b);
			}
			if (madeDueThisRound > 0) {
				Thread.sleep(100);
			}
		}
		assertThat(takeover).as("node A was killed while holding jobs").isNotNull();
		return takeover;
	}

	/**
	 * Freezes node B (SIGSTOP) so that node A is the one taking the jobs just made due, and watches
	 * for up to 30 s until A has run a job and holds more. Then A is frozen too, the jobs it still
	 * holds are ones it has not finished, and it is killed with {@code kill -9} holding them; B goes
	 * on (SIGCONT). If A gets no such jobs meanwhile, B goes on and the next wave of timers is tried.
	 */
	private Takeover killWhileHoldingJobs(Node a, Node b) throws Exception {
		String lockedByA = "SELECT id_, lock_exp_time_ FROM act_ru_job WHERE lock_owner_ = ? AND lock_exp_time_ > now()";
		b.signal("STOP");
		try {
			long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < until) {
				boolean ranJobs = jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ = ?",
						Integer.class, NODE_A) > 0;
				if (ranJobs && !jdbc.queryForList(lockedByA, NODE_A).isEmpty()) {
					a.signal("STOP");
					Map<String, java.sql.Timestamp> held = new HashMap<>();
					jdbc.query(lockedByA, rs -> {
						held.put(rs.getString(1), rs.getTimestamp(2));
					}, NODE_A);
					if (!held.isEmpty()) {
						a.kill();
						return new Takeover(held);
					}
					a.signal("CONT");
				}
				Thread.sleep(2);
			}
			return null;
		}
		finally {
			b.signal("CONT");
		}
	}

	/** The answers of the typical path: submit, approve, acknowledge, accept. */
	private Map<String, Object> answers(String instance, String taskKey) {
		Map<String, Object> v = new HashMap<>();
		v.put("decision", "APPROVE");
		v.put("comment", "同意");
		v.put("acknowledged", true);
		switch (taskKey) {
			case "Task_DraftPlan" -> v.put("draftAction", "SUBMIT");
			case "Task_DraftSubstitutionPlan" -> v.put("note", "按測算執行");
			case "Task_RecordAuthorityDecision" -> v.put("authorityDecision", "ACCEPTED");
			case "Task_DraftContract" -> {
				v.put("lineChanges", jdbc.queryForObject("""
						SELECT MIN(p.code) FROM product p JOIN contract c ON c.manufacturer_code = p.manufacturer_code
						WHERE c.process_instance_id = ? AND p.status = 'ACTIVE'""", String.class, instance) + " 250");
				v.put("paymentTerms", "托收承付");
			}
			case "Task_RecordSigning" -> v.put("platformContractNumber", "ZY-" + contractOf(instance));
			case "Task_ConfirmArrival" -> v.put("arrivalRecord", jdbc.queryForList("""
					SELECT l.product_code || ' ' || (l.cartons - COALESCE((SELECT SUM(al.cartons) FROM contract_arrival_line al
					       JOIN contract_arrival a ON a.id = al.arrival_id
					       WHERE a.contract_number = l.contract_number AND al.product_code = l.product_code), 0))
					FROM contract_line l WHERE l.contract_number = ?""", String.class, contractOf(instance)).stream()
					.collect(Collectors.joining("\n")));
			case "Task_CheckInvoice" -> {
				List<Map<String, Object>> lines = jdbc.queryForList(
						"SELECT product_code, cartons, unit_price FROM contract_line WHERE contract_number = ?", contractOf(instance));
				BigDecimal total = BigDecimal.ZERO;
				StringBuilder text = new StringBuilder();
				for (Map<String, Object> l : lines) {
					BigDecimal price = (BigDecimal) l.get("unit_price");
					BigDecimal amount = price.multiply(BigDecimal.valueOf(((Number) l.get("cartons")).intValue()));
					total = total.add(amount);
					text.append("%s %s %s %s%n".formatted(l.get("product_code"), l.get("cartons"), price.toPlainString(), amount.toPlainString()));
				}
				v.put("invoiceNumber", "FP-" + contractOf(instance));
				v.put("invoiceDate", LocalDate.now().toString());
				v.put("amountExcludingTax", total.toPlainString());
				v.put("tax", total.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP).toPlainString());
				v.put("invoiceLines", text.toString());
				v.put("checkType", "DOCUMENTS");
			}
			default -> {
			}
		}
		return v;
	}

	private String contractOf(String instance) {
		return jdbc.queryForObject("SELECT contract_number FROM contract WHERE process_instance_id = ?", String.class, instance);
	}

	// --- what must hold afterwards ---------------------------------------------------------------

	private void everyJobRanOnceAndNodeBTookOverNodeAsJobs(Takeover takeover) {
		assertThat(jdbc.queryForList("""
				SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY job_id_ HAVING COUNT(*) > 1""", String.class))
				.as("jobs that ran successfully twice").isEmpty();
		assertThat(jdbc.queryForList("SELECT DISTINCT hostname_ FROM act_hi_job_log WHERE job_state_ = 2", String.class))
				.as("both nodes ran jobs").contains(NODE_A, NODE_B);
		List<Map<String, Object>> ranAfterKill = named.queryForList("""
				SELECT job_id_, hostname_, timestamp_ FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ IN (:ids)""",
				Map.of("ids", takeover.lockedByA().keySet()));
		assertThat(ranAfterKill).extracting(r -> r.get("job_id_")).as("each job node A held ran once")
				.containsExactlyInAnyOrderElementsOf(takeover.lockedByA().keySet());
		List<Map<String, Object>> takenOver = ranAfterKill.stream().filter(r -> NODE_B.equals(r.get("hostname_"))).toList();
		assertThat(takenOver).as("jobs node A held, run by node B").isNotEmpty();
		for (Map<String, Object> job : takenOver) {
			assertThat((java.sql.Timestamp) job.get("timestamp_")).as("node B ran job %s after its lock expired", job.get("job_id_"))
					.isAfterOrEqualTo(takeover.lockedByA().get(job.get("job_id_")));
		}
		System.out.printf("Cluster: node A killed holding %d job(s); node B ran %d of them after their lock expired%n",
				takeover.lockedByA().size(), takenOver.size());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Integer.class)).as("incidents").isZero();
	}

	private void everyInstanceCompleted(Set<String> instances) {
		assertThat(named.queryForList("SELECT state_ FROM act_hi_procinst WHERE proc_inst_id_ IN (:ids)", Map.of("ids", instances), String.class))
				.hasSize(instances.size()).containsOnly("COMPLETED");
	}

	private void sideEffectsHappenedOnce(Map<String, String> processOf, long onHandBefore) {
		Map<String, Object> ids = Map.of("ids", processOf.keySet());
		// purchase plans: one reminder and one escalation of the overdue review, one contract per manufacturer
		assertThat(named.queryForList("""
				SELECT p.plan_number, e.event, COUNT(*) AS n FROM purchase_plan p JOIN approval_event e ON e.case_number = p.plan_number
				WHERE p.process_instance_id IN (:ids) AND e.event IN ('REMIND', 'ESCALATE') GROUP BY p.plan_number, e.event""", ids))
				.hasSize(2 * PLANS).allSatisfy(r -> assertThat(((Number) r.get("n")).intValue()).as("%s", r).isEqualTo(1));
		assertThat(jdbc.queryForList("""
				SELECT plan_number, manufacturer_code FROM contract WHERE plan_number IS NOT NULL
				GROUP BY plan_number, manufacturer_code HAVING COUNT(*) > 1""")).as("a plan's contract started twice").isEmpty();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract WHERE plan_number IS NOT NULL", Integer.class))
				.isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_plan_contract_request", Integer.class)).isPositive();

		// price proposals: the new price once, one reminder, three acknowledgements
		List<String> proposals = named.queryForList("SELECT proposal_number FROM price_proposal WHERE process_instance_id IN (:ids)", ids,
				String.class);
		assertThat(proposals).hasSize(PRICES);
		Map<String, Object> numbers = Map.of("numbers", proposals);
		assertThat(named.queryForObject("SELECT COUNT(*) FROM product_price WHERE proposal_number IN (:numbers)", numbers, Integer.class))
				.as("new prices").isEqualTo(PRICES);
		assertThat(jdbc.queryForList("SELECT product_code FROM product_price WHERE valid_to IS NULL GROUP BY product_code HAVING COUNT(*) > 1",
				String.class)).as("products with two prices in force").isEmpty();
		assertThat(named.queryForObject("""
				SELECT COUNT(*) FROM approval_event WHERE case_number IN (:numbers) AND event = 'REMIND'""", numbers, Integer.class))
				.as("authority reminders").isEqualTo(PRICES);
		assertThat(named.queryForObject("""
				SELECT COUNT(*) FROM act_hi_taskinst t JOIN price_proposal p ON p.process_instance_id = t.proc_inst_id_
				WHERE p.proposal_number IN (:numbers) AND t.task_def_key_ LIKE 'Task_Acknowledge%'""", numbers, Integer.class))
				.as("price change notifications").isEqualTo(3 * PRICES);

		// contracts: one arrival each, stock raised once by what arrived, paid once (by the time running out)
		List<String> contracts = named.queryForList("SELECT contract_number FROM contract WHERE process_instance_id IN (:ids)", ids,
				String.class);
		assertThat(contracts).hasSize(CONTRACTS);
		Map<String, Object> contractNumbers = Map.of("numbers", contracts);
		assertThat(named.queryForObject("SELECT COUNT(*) FROM contract_arrival WHERE contract_number IN (:numbers)", contractNumbers,
				Integer.class)).as("arrivals").isEqualTo(CONTRACTS);
		long arrived = jdbc.queryForObject("SELECT COALESCE(SUM(cartons - damaged_cartons), 0) FROM contract_arrival_line", Long.class);
		assertThat(arrived).isEqualTo(250L * CONTRACTS);
		assertThat(jdbc.queryForObject("SELECT SUM(on_hand) FROM stock", Long.class) - onHandBefore).as("stock raised by arrivals, once")
				.isEqualTo(arrived);
		assertThat(named.queryForObject("SELECT COUNT(*) FROM approval_event WHERE case_number IN (:numbers) AND event = 'PAID'",
				contractNumbers, Integer.class)).as("payments").isEqualTo(CONTRACTS);

		// shortage cases: limits published once, ended once (at the end of validity or when stock recovered)
		List<String> cases = named.queryForList("SELECT case_number FROM shortage_case WHERE process_instance_id IN (:ids)", ids, String.class);
		assertThat(cases).hasSize(SHORTAGES);
		Map<String, Object> caseNumbers = Map.of("numbers", cases);
		assertThat(named.queryForObject("""
				SELECT COUNT(*) FROM approval_event WHERE case_number IN (:numbers) AND event IN ('EXPIRED', 'RECOVERED')""", caseNumbers,
				Integer.class)).as("shortage plans ended").isEqualTo(SHORTAGES);
		assertThat(named.queryForObject("""
				SELECT COUNT(*) FROM allocation_limit a WHERE a.case_number IN (:numbers)""", caseNumbers, Integer.class))
				.as("published limits: one per product and tier of each plan").isEqualTo(named.queryForObject(
						"SELECT COUNT(*) FROM shortage_limit WHERE case_number IN (:numbers)", caseNumbers, Integer.class));
		assertThat(named.queryForObject("""
				SELECT COUNT(*) FROM allocation_limit WHERE case_number IN (:numbers) AND ended_at IS NULL""", caseNumbers, Integer.class))
				.as("limits still in force").isZero();
	}

	// --- helpers ----------------------------------------------------------------------------------

	private void makeDue(Node node, String jobId) throws Exception {
		String now = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(new Date(System.currentTimeMillis() - 1_000));
		HttpResponse<String> r = send(node, "sysadmin", "PUT", "/job/" + jobId + "/duedate", Map.of("duedate", now));
		// a job that ran or was removed meanwhile is not an error of the cluster
		assertThat(r.statusCode()).as("due date of job %s: %s", jobId, r.body()).isIn(204, 404, 500);
	}

	private static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return typed;
	}

	/**
	 * What Tasklist sends for a task: the fields of its deployed form, filled in from the task's
	 * variables, with the answers for the fields the form asks.
	 */
	private Map<String, Object> asTasklistSends(Node node, String user, String taskId, String taskKey, Map<String, Object> answers)
			throws Exception {
		Set<String> keys = formKeys.get(taskKey);
		if (keys == null) {
			keys = FormSchema.parse(send(node, user, "GET", "/task/" + taskId + "/deployed-form", null).body()).keys();
			formKeys.put(taskKey, keys);
		}
		JsonNode current = answers.keySet().containsAll(keys) ? json.createObjectNode()
				: call(node, user, "GET", "/task/" + taskId + "/form-variables", null, 200);
		Map<String, Object> sent = new LinkedHashMap<>();
		for (String key : keys) {
			if (answers.containsKey(key)) {
				sent.put(key, Map.of("value", answers.get(key)));
			}
			else if (current.has(key) && !current.get(key).path("value").isNull()) {
				// with the variable's type, as Tasklist sends a tag list back (Json)
				Map<String, Object> value = new LinkedHashMap<>();
				JsonNode held = current.get(key).get("value");
				if ("Json".equals(current.get(key).path("type").asText())) {
					value.put("value", held.isTextual() ? held.asText() : held.toString());
					value.put("type", "Json");
				}
				else {
					value.put("value", json.treeToValue(held, Object.class));
				}
				sent.put(key, value);
			}
		}
		return sent;
	}

	/** The fields of each step's form: the same for every instance of a model version. */
	private final Map<String, Set<String>> formKeys = new HashMap<>();

	private JsonNode call(Node node, String user, String method, String path, Object body, int expected) throws Exception {
		HttpResponse<String> r = send(node, user, method, path, body);
		assertThat(r.statusCode()).as("%s %s as %s: %s", method, path, user, r.body()).isEqualTo(expected);
		return json.readTree(r.body());
	}

	private HttpResponse<String> send(Node node, String user, String method, String path, Object body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "/engine-rest" + path)).timeout(Duration.ofSeconds(30))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(what + " did not happen within 60 s");
			}
			Thread.sleep(100);
		}
	}

	/** Each user task's first candidate group, from the models the nodes deploy. */
	private static Map<String, String> candidateGroupsOfTheModels() {
		Map<String, String> groups = new HashMap<>();
		try (var files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
					if (task.getCamundaCandidateGroups() != null) {
						groups.putIfAbsent(task.getId(), task.getCamundaCandidateGroupsList().get(0));
					}
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return groups;
	}

	/** A node of the cluster: the application in a JVM of its own, on a port of its own. */
	static final class Node {
		private final String name;
		private final int port;
		private final Process process;
		private final Path log;

		private Node(String name, int port, Process process, Path log) {
			this.name = name;
			this.port = port;
			this.process = process;
			this.log = log;
		}

		static Node start(String name, String jdbcUrl) throws IOException {
			int port;
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path dir = Files.createDirectories(Path.of("target", "cluster"));
			Path log = dir.resolve(name + ".log");
			String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "com.wholesaler.marketing.MarketingCenterApplication",
					"--server.port=" + port, "--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
					"--spring.datasource.username=postgres", "--spring.datasource.password=", "--marketing.demo-data=true",
					"--marketing.node-name=" + name, "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
					"--camunda.bpm.job-execution.max-wait=5000",
					"--spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"));
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
					.redirectOutput(log.toFile()).start();
			return new Node(name, port, process, log);
		}

		String url() {
			return "http://localhost:" + port;
		}

		void awaitUp() throws Exception {
			HttpClient client = HttpClient.newHttpClient();
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new AssertionError(name + " stopped: " + tail());
				}
				try {
					HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString());
					if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
						return;
					}
				}
				catch (IOException notYet) {
					// still starting
				}
				Thread.sleep(500);
			}
			throw new AssertionError(name + " did not come up: " + tail());
		}

		/** {@code kill -9}: no shutdown hook, no rollback by the node itself; the database rolls back what was open. */
		void kill() throws Exception {
			if (process.isAlive()) {
				signal("KILL");
				process.waitFor();
			}
		}

		void signal(String name) throws Exception {
			new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
		}

		private String tail() throws IOException {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
	}
}
