package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.contract.ContractLine;
import com.wholesaler.marketing.contract.Contracts;
import com.wholesaler.marketing.contract.InvoiceMatcher;
import com.wholesaler.marketing.substitution.ShortageCases;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * History written per completed instance of each process on PostgreSQL (docs/operations.md):
 * {@value #RUNS} instances of each walked end to end through the Java API as the demo users, then the
 * bytes of every history row (and history byte array) they left, by pg_column_size.
 * Run with {@code mvn -Pbenchmark test -Dtest=HistoryGrowthBenchmarkTest}.
 */
@Tag("benchmark")
class HistoryGrowthBenchmarkTest {

	static final int RUNS = 20;

	/** Who works a task of each group in the demo company. */
	private static final Map<String, String> USER_OF_GROUP = Map.of("generalAdmin", "genadmin", "brandPlanningHead", "brandhead",
			"centerDirector", "director", "executive", "executive", "supplyManager", "supply", "orderDeptHead", "orderhead",
			"seatLeader", "seatlead", "regionalMarketing", "regional1", "brandManager", "brandmgr");

	private RuntimeService runtime;
	private TaskService tasks;
	private IdentityService identity;
	private ManagementService management;
	private Contracts contracts;
	private JdbcTemplate jdbc;
	private final AtomicInteger next = new AtomicInteger();

	@Test
	void historyPerCompletedInstanceOnPostgres() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE growth");
			try (ConfigurableApplicationContext app = StandaloneApp.start("growthBenchmark", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "growth"), "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--marketing.demo-data=true",
					"--marketing.models.locations=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form"))) {
				ProcessEngine engine = app.getBean(ProcessEngine.class);
				runtime = engine.getRuntimeService();
				tasks = engine.getTaskService();
				identity = engine.getIdentityService();
				management = engine.getManagementService();
				contracts = app.getBean(Contracts.class);
				Catalog catalog = app.getBean(Catalog.class);
				ShortageCases cases = app.getBean(ShortageCases.class);
				jdbc = app.getBean(JdbcTemplate.class);
				List<Product> products = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive).toList();

				Map<String, Supplier<String>> starters = new LinkedHashMap<>();
				starters.put("purchasePlanApproval", () -> as("supply", () -> runtime.startProcessInstanceByKey("purchasePlanApproval",
						Map.of("period", YearMonth.now().plusMonths(1).toString(), "note", "歷史量測")).getId()));
				starters.put("contractSigning", () -> {
					String manufacturer = "M%02d".formatted(1 + next.getAndIncrement() % 30);
					return as("genadmin", () -> runtime.startProcessInstanceByKey("contractSigning", Map.of("manufacturerCode", manufacturer,
							"period", YearMonth.now().plusMonths(1).toString(), "reason", "歷史量測")).getId());
				});
				starters.put("priceAdjustment", () -> {
					Product p = products.get(next.getAndIncrement() % products.size());
					String row = "{\"productCode\":\"%s\",\"proposedWholesale\":%s,\"proposedRetail\":%s}".formatted(p.code(),
							p.wholesalePrice().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP).toPlainString(),
							p.retailPrice().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP).toPlainString());
					Map<String, Object> v = new HashMap<>();
					v.put("lines", SpinValues.jsonValue("[" + row + "]").create());
					v.put("reason", "歷史量測");
					v.put("effectiveDate", LocalDate.now().plusDays(10).toString());
					return as("genadmin", () -> runtime.startProcessInstanceByKey("priceAdjustment", v).getId());
				});
				starters.put("shortageSubstitution", () -> {
					Product p = products.stream().filter(x -> cases.openCaseFor(x.code()).isEmpty() && !cases.handledToday(x.code()))
							.filter(x -> catalog.stockPosition(x.code()).orElseThrow().onHand() > 1_000).findFirst().orElseThrow();
					return as("supply", () -> runtime.startProcessInstanceByKey("shortageSubstitution",
							Map.of("productCode", p.code(), "note", "歷史量測")).getId());
				});

				List<String> historyTables = jdbc.queryForList("""
						SELECT c.table_name FROM information_schema.columns c
						WHERE c.table_name LIKE 'act_hi_%' AND c.column_name = 'root_proc_inst_id_'""", String.class);
				System.out.println();
				System.out.println("| process | instances | history rows per instance | history KB per instance |");
				System.out.println("|---|---|---|---|");
				for (Map.Entry<String, Supplier<String>> process : starters.entrySet()) {
					List<String> ids = new ArrayList<>();
					for (int i = 0; i < RUNS; i++) {
						String id = process.getValue().get();
						walk(id);
						ids.add(id);
					}
					String in = "'" + String.join("','", ids) + "'";
					long rows = 0;
					long bytes = 0;
					for (String table : historyTables) {
						Map<String, Object> r = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(pg_column_size(t.*)), 0) AS b FROM " + table
								+ " t WHERE root_proc_inst_id_ IN (" + in + ")");
						rows += ((Number) r.get("n")).longValue();
						bytes += ((Number) r.get("b")).longValue();
					}
					Map<String, Object> arrays = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(pg_column_size(t.*)), 0) AS b "
							+ "FROM act_ge_bytearray t WHERE root_proc_inst_id_ IN (" + in + ")");
					rows += ((Number) arrays.get("n")).longValue();
					bytes += ((Number) arrays.get("b")).longValue();
					System.out.printf("| %s | %d | %.0f | %.1f |%n", process.getKey(), RUNS, rows / (double) RUNS, bytes / 1024.0 / RUNS);
				}
				Map<String, Object> disk = jdbc.queryForMap("""
						SELECT SUM(pg_relation_size(c.oid)) AS heap, SUM(pg_total_relation_size(c.oid)) AS total FROM pg_class c
						WHERE c.relkind = 'r' AND (c.relname LIKE 'act_hi_%' OR c.relname = 'act_ge_bytearray')""");
				System.out.printf("%nHistory tables on disk: %.1f MB of rows, %.1f MB with indexes and TOAST (factor %.2f)%n%n",
						((Number) disk.get("heap")).doubleValue() / 1048576, ((Number) disk.get("total")).doubleValue() / 1048576,
						((Number) disk.get("total")).doubleValue() / ((Number) disk.get("heap")).doubleValue());
			}
		}
	}

	/** Works every task of the instance as the demo user of its group, and fires its timers, until it ends. */
	private void walk(String instanceId) {
		for (int step = 0; step < 60; step++) {
			if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0) {
				return;
			}
			List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId).list();
			if (open.isEmpty()) {
				List<Job> timers = management.createJobQuery().processInstanceId(instanceId).orderByJobDuedate().asc().list();
				assertThat(timers).as("instance %s waits for neither a task nor a timer", instanceId).isNotEmpty();
				management.executeJob(timers.get(0).getId());
				continue;
			}
			// arrivals before invoices: an invoice is checked against what has arrived
			Task task = open.stream().filter(t -> !t.getTaskDefinitionKey().equals("Task_CheckInvoice")).findFirst().orElse(open.get(0));
			String group = task.getAssignee() != null ? groupOf(task.getAssignee())
					: tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(USER_OF_GROUP::containsKey)
							.findFirst().orElseThrow();
			String user = task.getAssignee() != null ? task.getAssignee() : USER_OF_GROUP.get(group);
			Map<String, Object> answers = answers(task);
			identity.setAuthentication(user, List.of(group));
			try {
				tasks.complete(task.getId(), answers);
			}
			finally {
				identity.clearAuthentication();
			}
		}
		throw new AssertionError("instance " + instanceId + " did not end");
	}

	private static String groupOf(String user) {
		return USER_OF_GROUP.entrySet().stream().filter(e -> e.getValue().equals(user)).findFirst().orElseThrow().getKey();
	}

	/** The answers of the typical path: submit, approve, acknowledge, accept. */
	private Map<String, Object> answers(Task task) {
		Map<String, Object> v = new HashMap<>();
		v.put("decision", "APPROVE");
		v.put("comment", "同意");
		v.put("acknowledged", true);
		String contract = (String) runtime.getVariable(task.getProcessInstanceId(), "contractNumber");
		switch (task.getTaskDefinitionKey()) {
			case "Task_DraftPlan" -> v.put("draftAction", "SUBMIT");
			case "Task_DraftSubstitutionPlan" -> v.put("note", "按測算執行");
			case "Task_RecordAuthorityDecision" -> v.put("authorityDecision", "ACCEPTED");
			case "Task_DraftContract" -> {
				String manufacturer = (String) runtime.getVariable(task.getProcessInstanceId(), "manufacturerCode");
				v.put("lineChanges", firstProductOf(manufacturer) + " 250");
				v.put("paymentTerms", "托收承付");
			}
			case "Task_RecordSigning" -> v.put("platformContractNumber", "ZY-" + contract);
			case "Task_ConfirmArrival" -> {
				StringBuilder rest = new StringBuilder();
				contracts.lines(contract).stream().filter(l -> l.remainingCartons() > 0)
						.forEach(l -> rest.append(l.productCode()).append(' ').append(l.remainingCartons()).append('\n'));
				v.put("arrivalRecord", rest.toString());
			}
			case "Task_CheckInvoice" -> {
				BigDecimal total = BigDecimal.ZERO;
				StringBuilder lines = new StringBuilder();
				for (ContractLine l : contracts.lines(contract)) {
					total = total.add(l.amount());
					lines.append("%s %d %s %s%n".formatted(l.productCode(), l.cartons(), l.unitPrice().toPlainString(), l.amount().toPlainString()));
				}
				v.put("invoiceNumber", "FP-" + contract);
				v.put("invoiceDate", LocalDate.now().toString());
				v.put("amountExcludingTax", total.toPlainString());
				v.put("tax", total.multiply(InvoiceMatcher.VAT_RATE).setScale(2, RoundingMode.HALF_UP).toPlainString());
				v.put("invoiceLines", lines.toString());
				v.put("checkType", "DOCUMENTS");
			}
			case "Task_DecidePayment" -> v.put("paymentDecision", "ACCEPT");
			default -> {
			}
		}
		return v;
	}

	private final Map<String, String> firstProducts = new HashMap<>();

	private String firstProductOf(String manufacturer) {
		return firstProducts.computeIfAbsent(manufacturer, m -> jdbc.queryForObject(
				"SELECT MIN(code) FROM product WHERE manufacturer_code = ? AND status = 'ACTIVE'", String.class, m));
	}

	private <T> T as(String user, Supplier<T> action) {
		return ActingUsers.as(identity, user, List.of(groupOf(user)), action);
	}
}
