package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.approval.FormSchema;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.contract.ContractLine;
import com.wholesaler.marketing.contract.Contracts;
import com.wholesaler.marketing.substitution.ShortageCases;

/**
 * Drives instances of the four processes end to end through the Java API, as the demo users would:
 * starts one as the role that may, completes every task as the demo user of its candidate group with
 * the answers of the typical path (submit, approve, acknowledge, accept), and fires each timer the
 * instance waits for. Used by the benchmarks; also starts reference processes of N plain user tasks.
 */
final class ProcessWalker {

	/** Shared by the walkers of several nodes, so two never pick the same product or manufacturer. */
	private static final AtomicInteger NEXT = new AtomicInteger();
	private static final Set<String> CLAIMED_SHORTAGE_PRODUCTS = ConcurrentHashMap.newKeySet();

	private final ProcessEngine engine;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final IdentityService identity;
	private final ManagementService management;
	private final Contracts contracts;
	private final Catalog catalog;
	private final ShortageCases cases;
	private final JdbcTemplate jdbc;
	private final List<Product> products;
	private final List<Product> shortageCandidates;
	private final Map<String, String> firstProducts = new ConcurrentHashMap<>();
	private final Map<String, Set<String>> formKeys = new ConcurrentHashMap<>();
	ProcessWalker(ConfigurableApplicationContext app) {
		engine = app.getBean(ProcessEngine.class);
		runtime = engine.getRuntimeService();
		tasks = engine.getTaskService();
		identity = engine.getIdentityService();
		management = engine.getManagementService();
		contracts = app.getBean(Contracts.class);
		catalog = app.getBean(Catalog.class);
		cases = app.getBean(ShortageCases.class);
		jdbc = app.getBean(JdbcTemplate.class);
		List<ProductStock> stock = catalog.stockPositions();
		products = stock.stream().map(ProductStock::product).filter(Product::isActive).toList();
		shortageCandidates = stock.stream().filter(s -> s.product().isActive() && s.onHand() > 1_000).map(ProductStock::product)
				.filter(p -> cases.openCaseFor(p.code()).isEmpty() && !cases.handledToday(p.code())).toList();
	}

	/** The four processes, each started as the role that starts it, in the order of DOMAIN.md. */
	Map<String, Supplier<String>> starters() {
		Map<String, Supplier<String>> starters = new LinkedHashMap<>();
		String period = YearMonth.now().plusMonths(1).toString();
		starters.put("purchasePlanApproval", () -> as("supply", () -> runtime.startProcessInstanceByKey("purchasePlanApproval",
				Map.of("period", period, "note", "量測")).getId()));
		starters.put("contractSigning", () -> {
			String manufacturer = "M%02d".formatted(1 + NEXT.getAndIncrement() % 30);
			return as("genadmin", () -> runtime.startProcessInstanceByKey("contractSigning", Map.of("manufacturerCode", manufacturer,
					"period", period, "reason", "量測")).getId());
		});
		starters.put("priceAdjustment", () -> {
			Product p = products.get(NEXT.getAndIncrement() % products.size());
			String row = "{\"productCode\":\"%s\",\"proposedWholesale\":%s,\"proposedRetail\":%s}".formatted(p.code(),
					p.wholesalePrice().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP).toPlainString(),
					p.retailPrice().multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP).toPlainString());
			Map<String, Object> v = new HashMap<>();
			v.put("lines", "[" + row + "]");
			v.put("reason", "量測");
			v.put("effectiveDate", LocalDate.now().plusDays(10).toString());
			return as("genadmin", () -> runtime.startProcessInstanceByKey("priceAdjustment", v).getId());
		});
		starters.put("shortageSubstitution", () -> {
			// a product a case may be opened for: none open, none today, and stock to share out
			Product p = shortageCandidates.stream().filter(x -> CLAIMED_SHORTAGE_PRODUCTS.add(x.code())).findFirst().orElseThrow();
			return as("supply", () -> runtime.startProcessInstanceByKey("shortageSubstitution",
					Map.of("productCode", p.code(), "note", "量測")).getId());
		});
		return starters;
	}

	/**
	 * A reference process: N user tasks of the planning head in a row, no delegates, no listeners, no
	 * forms; deployed once, startable by the planning head like the real processes are by their roles.
	 */
	Supplier<String> referenceStarter(int userTasks) {
		String key = "reference" + userTasks;
		if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
			AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).name("Reference " + userTasks)
					.camundaHistoryTimeToLive(1095).startEvent("Start");
			for (int i = 1; i <= userTasks; i++) {
				flow = flow.userTask("Task_" + i).name("Task " + i).camundaCandidateGroups("brandPlanningHead");
			}
			engine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn", flow.endEvent("End").done())
					.deploy();
			AuthorizationService authorizations = engine.getAuthorizationService();
			// granted to the user, not the group: the role groups' grants are the application's table, reset at each start
			Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			start.setUserId("brandhead");
			start.setResource(Resources.PROCESS_DEFINITION);
			start.setResourceId(key);
			start.addPermission(Permissions.READ);
			start.addPermission(Permissions.CREATE_INSTANCE);
			authorizations.saveAuthorization(start);
			if (authorizations.createAuthorizationQuery().userIdIn("brandhead").resourceType(Resources.PROCESS_INSTANCE)
					.resourceId("*").count() == 0) {
				Authorization instances = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				instances.setUserId("brandhead");
				instances.setResource(Resources.PROCESS_INSTANCE);
				instances.setResourceId("*");
				instances.addPermission(Permissions.CREATE);
				authorizations.saveAuthorization(instances);
			}
		}
		return () -> as("brandhead", () -> runtime.startProcessInstanceByKey(key).getId());
	}

	/** Works every task of the instance and fires its timers until it ends; returns the user tasks completed. */
	int walk(String instanceId) {
		return walk(instanceId, null);
	}

	/** Works the instance along the typical path until a task of the given step is open; returns the instance. */
	String walkUntil(String instanceId, String taskKey) {
		walk(instanceId, taskKey);
		return instanceId;
	}

	private int walk(String instanceId, String untilTaskKey) {
		int completed = 0;
		for (int step = 0; step < 60; step++) {
			if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0) {
				assertThat(untilTaskKey).as("instance %s ended before %s", instanceId, untilTaskKey).isNull();
				return completed;
			}
			if (untilTaskKey != null && tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(untilTaskKey).count() > 0) {
				return completed;
			}
			if (step(instanceId) != null) {
				completed++;
			}
		}
		throw new AssertionError("instance " + instanceId + " did not end");
	}

	/**
	 * One step of the typical path: the next open task completed as the demo user of its group, or
	 * else the earliest timer fired; returns the completed task's step, null for a timer.
	 */
	String step(String instanceId) {
		List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId).list();
		if (open.isEmpty()) {
			List<Job> timers = management.createJobQuery().processInstanceId(instanceId).orderByJobDuedate().asc().list();
			assertThat(timers).as("instance %s waits for neither a task nor a timer", instanceId).isNotEmpty();
			management.executeJob(timers.get(0).getId());
			return null;
		}
		// arrivals before invoices: an invoice is checked against what has arrived
		Task task = open.stream().filter(t -> !t.getTaskDefinitionKey().equals("Task_CheckInvoice")).findFirst().orElse(open.get(0));
		String group = task.getAssignee() != null ? DemoWorkers.groupOf(task.getAssignee())
				: tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> DemoWorkers.of(g) != null)
						.findFirst().orElseThrow();
		String user = task.getAssignee() != null ? task.getAssignee() : DemoWorkers.of(group);
		Map<String, Object> answers = asTasklistSends(task, answers(task));
		identity.setAuthentication(user, List.of(group));
		try {
			tasks.complete(task.getId(), answers);
			return task.getTaskDefinitionKey();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** Whether the instance is still running. */
	boolean running(String instanceId) {
		return runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0;
	}

	/**
	 * What Tasklist sends: the fields of the task's form, answered where the path says, otherwise as
	 * the form shows them from the case's variables (read only when needed, so the walker costs little).
	 */
	private Map<String, Object> asTasklistSends(Task task, Map<String, Object> answers) {
		Set<String> keys = formKeys.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), step -> {
			try (java.io.InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
				return FormSchema.parse(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).keys();
			}
			catch (org.camunda.bpm.engine.ProcessEngineException noForm) {
				return Set.of();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		Map<String, Object> sent = new HashMap<>();
		if (!answers.keySet().containsAll(keys)) {
			tasks.getVariables(task.getId(), keys).forEach((name, value) -> {
				if (value != null) {
					sent.put(name, value);
				}
			});
		}
		answers.forEach((name, value) -> {
			if (keys.contains(name)) {
				sent.put(name, value);
			}
		});
		return sent;
	}

	/** The answers of the typical path: submit, approve, acknowledge, accept. */
	private Map<String, Object> answers(Task task) {
		Map<String, Object> v = new HashMap<>();
		v.put("decision", "APPROVE");
		v.put("comment", "同意");
		v.put("acknowledged", true);
		Supplier<String> contractNumber = () -> (String) runtime.getVariable(task.getProcessInstanceId(), "contractNumber");
		switch (task.getTaskDefinitionKey()) {
			case "Task_DraftPlan" -> v.put("draftAction", "SUBMIT");
			case "Task_DraftSubstitutionPlan" -> v.put("note", "按測算執行");
			case "Task_RecordAuthorityDecision" -> v.put("authorityDecision", "ACCEPTED");
			case "Task_DraftContract" -> {
				String manufacturer = (String) runtime.getVariable(task.getProcessInstanceId(), "manufacturerCode");
				v.put("lineChanges", firstProductOf(manufacturer) + " 250");
				v.put("paymentTerms", "托收承付");
			}
			case "Task_RecordSigning" -> v.put("platformContractNumber", "ZY-" + contractNumber.get());
			case "Task_ConfirmArrival" -> {
				String contract = contractNumber.get();
				StringBuilder rest = new StringBuilder();
				contracts.lines(contract).stream().filter(l -> l.remainingCartons() > 0)
						.forEach(l -> rest.append(l.productCode()).append(' ').append(l.remainingCartons()).append('\n'));
				v.put("arrivalRecord", rest.toString());
			}
			case "Task_CheckInvoice" -> {
				String contract = contractNumber.get();
				BigDecimal total = BigDecimal.ZERO;
				StringBuilder lines = new StringBuilder();
				for (ContractLine l : contracts.lines(contract)) {
					total = total.add(l.amount());
					lines.append("%s %d %s %s%n".formatted(l.productCode(), l.cartons(), l.unitPrice().toPlainString(), l.amount().toPlainString()));
				}
				v.put("invoiceNumber", "FP-" + contract);
				v.put("invoiceDate", LocalDate.now().toString());
				v.put("amountExcludingTax", total.toPlainString());
				v.put("tax", total.multiply(com.wholesaler.marketing.contract.InvoiceMatcher.VAT_RATE).setScale(2, RoundingMode.HALF_UP)
						.toPlainString());
				v.put("invoiceLines", lines.toString());
				v.put("checkType", "DOCUMENTS");
			}
			case "Task_DecidePayment" -> v.put("paymentDecision", "ACCEPT");
			default -> {
			}
		}
		return v;
	}

	private String firstProductOf(String manufacturer) {
		return firstProducts.computeIfAbsent(manufacturer, m -> jdbc.queryForObject(
				"SELECT MIN(code) FROM product WHERE manufacturer_code = ? AND status = 'ACTIVE'", String.class, m));
	}

	<T> T as(String user, Supplier<T> action) {
		return ActingUsers.as(identity, user, List.of(DemoWorkers.groupOf(user)), action);
	}
}
