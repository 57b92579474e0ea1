package com.wholesaler.marketing.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.DeputyAreas;
import com.wholesaler.marketing.approval.EngineApiGuard;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.identity.Role;

/**
 * On the demo company's first start, puts the center in the middle of a week, so that every demo
 * user finds work in Tasklist on first login: the stock warning has run, plans, contracts, price
 * proposals and shortage cases stand at different steps, one was returned to its drafter, and the
 * deputy looks after contracts. Everything is done as the demo users through the engine's API, so
 * every check applies and every approval sheet is real. Runs once: not when any case exists.
 */
@Component
@ConditionalOnProperty(name = "marketing.demo.work-in-flight", havingValue = "true")
class WorkInFlight {

	private static final Logger log = LoggerFactory.getLogger(WorkInFlight.class);

	private final RuntimeService runtime;
	private final TaskService tasks;
	private final EngineApiGuard guard;
	private final IdentityService identity;
	private final ManagementService management;
	private final DeputyAreas deputyAreas;
	private final Catalog catalog;
	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final RepositoryService repository;

	WorkInFlight(RuntimeService runtime, TaskService tasks, EngineApiGuard guard, IdentityService identity, ManagementService management,
			DeputyAreas deputyAreas, Catalog catalog, JdbcTemplate jdbc, Clock clock, RepositoryService repository) {
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
		this.guard = guard;
		this.identity = identity;
		this.management = management;
		this.deputyAreas = deputyAreas;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onFirstStart() {
		Integer cases = jdbc.queryForObject("""
				SELECT (SELECT COUNT(*) FROM purchase_plan) + (SELECT COUNT(*) FROM contract) + (SELECT COUNT(*) FROM price_proposal)
				     + (SELECT COUNT(*) FROM shortage_case)""", Integer.class);
		if (cases != null && cases > 0) {
			return;
		}
		for (String key : List.of("purchasePlanApproval", "contractSigning", "priceAdjustment", "shortageSubstitution", "stockWarning")) {
			if (!deployed(key)) {
				log.warn("Demo: no work in flight, the model {} is not deployed", key);
				return;
			}
		}
		long started = System.currentTimeMillis();
		deputyAreas.assign(Set.of(Area.CONTRACTS), "director", Set.of(Role.CENTER_DIRECTOR.groupId()));
		stockWarningHasRun();
		callListsMade();
		plans();
		contracts();
		prices();
		brandsAndNotices();
		log.info("Demo: work in flight for every role, in {} ms", System.currentTimeMillis() - started);
	}

	/** The 06:00 scan, as if it had run this morning: a case for each product under its warning level. */
	private void stockWarningHasRun() {
		Job scan = management.createJobQuery().processDefinitionKey("stockWarning").timers().singleResult();
		if (scan != null) {
			management.executeJob(scan.getId());
		}
		List<String> open = runtime.createProcessInstanceQuery().processDefinitionKey("shortageSubstitution").list().stream()
				.map(p -> p.getId()).sorted().toList();
		if (open.size() < 3) {
			return;
		}
		// one published (the seat leaders, brand managers and regional marketing acknowledge), one at review, one returned
		String published = open.get(0);
		complete(published, "Task_DraftSubstitutionPlan", "supply", Map.of("note", "按測算方案執行"));
		complete(published, "Task_ReviewSubstitutionPlan", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		completeIfOpen(published, "Task_ApproveByDirector", "director", Map.of("decision", "APPROVE", "comment", "同意投放"));
		complete(open.get(1), "Task_DraftSubstitutionPlan", "supply", Map.of("note", "替代規格已與品牌管理員確認"));
		String returned = open.get(2);
		complete(returned, "Task_DraftSubstitutionPlan", "supply", Map.of("note", "初稿"));
		complete(returned, "Task_ReviewSubstitutionPlan", "brandhead", Map.of("decision", "RETURN", "comment", "一檔客戶限量偏低，請按上週訂量重新測算"));
	}

	/** The 07:30 call lists, as if made this morning: each clerk finds the day in Tasklist (nothing on a day off). */
	private void callListsMade() {
		Job morning = management.createJobQuery().processDefinitionKey("dailyCallList").timers().singleResult();
		if (morning != null) {
			management.executeJob(morning.getId());
		}
	}

	private void plans() {
		String period = YearMonth.now(clock).plusMonths(1).toString();
		String atDirector = start("supply", "purchasePlanApproval", Map.of("period", period, "note", "下月常規採購"));
		complete(atDirector, "Task_DraftPlan", "supply", Map.of("draftAction", "SUBMIT", "submitNote", "請審核"));
		complete(atDirector, "Task_CheckPlan", "genadmin", Map.of("decision", "APPROVE", "comment", "數量與銷售趨勢相符"));
		complete(atDirector, "Task_ReviewByPlanningHead", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		String atExecutive = start("supply", "purchasePlanApproval", Map.of("period", period, "note", "春節備貨補充計畫"));
		complete(atExecutive, "Task_DraftPlan", "supply", Map.of("draftAction", "SUBMIT", "submitNote", "春節備貨"));
		complete(atExecutive, "Task_CheckPlan", "genadmin", Map.of("decision", "APPROVE", "comment", "同意"));
		complete(atExecutive, "Task_ReviewByPlanningHead", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		complete(atExecutive, "Task_ReviewByDirector", "director", Map.of("decision", "APPROVE", "comment", "同意，報分管領導"));
		String atCheck = start("supply", "purchasePlanApproval", Map.of("period", period, "note", "新品首單"));
		complete(atCheck, "Task_DraftPlan", "supply", Map.of("draftAction", "SUBMIT", "submitNote", "新品首單，請審核"));
	}

	private void contracts() {
		String period = YearMonth.now(clock).toString();
		String atDirector = contract("M01", period);
		complete(atDirector, "Task_ReviewContract", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		String awaitingSignature = contract("M02", period);
		complete(awaitingSignature, "Task_ReviewContract", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		complete(awaitingSignature, "Task_ApproveContract", "director", Map.of("decision", "APPROVE", "comment", "同意簽訂"));
		String goodsArriving = contract("M03", period);
		complete(goodsArriving, "Task_ReviewContract", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		complete(goodsArriving, "Task_ApproveContract", "director", Map.of("decision", "APPROVE", "comment", "同意簽訂"));
		complete(goodsArriving, "Task_RecordSigning", "brandhead", Map.of("platformContractNumber", "ZY-" + businessKey(goodsArriving)));
	}

	/** A contract drafted by hand for a manufacturer's first product, submitted to review. */
	private String contract(String manufacturer, String period) {
		String id = start("genadmin", "contractSigning", Map.of("manufacturerCode", manufacturer, "period", period, "reason", "補充貨源"));
		String product = jdbc.queryForObject("SELECT MIN(code) FROM product WHERE manufacturer_code = ? AND status = 'ACTIVE'", String.class,
				manufacturer);
		complete(id, "Task_DraftContract", "genadmin", Map.of("lineChanges", product + " 500", "paymentTerms", "托收承付，驗單付款"));
		return id;
	}

	private void prices() {
		List<Product> products = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive).toList();
		LocalDate in10Days = LocalDate.now(clock).plusDays(10);
		String atExecutive = price(products.get(10), "1.12", in10Days, "原料成本上漲，工業企業調整出廠價");
		complete(atExecutive, "Task_ReviewProposal", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		complete(atExecutive, "Task_ApproveByDirector", "director", Map.of("decision", "APPROVE", "comment", "漲幅超過 10%，報分管領導"));
		String atAuthority = price(products.get(20), "1.05", in10Days, "周邊市場價格上調");
		complete(atAuthority, "Task_ReviewProposal", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		complete(atAuthority, "Task_ApproveByDirector", "director", Map.of("decision", "APPROVE", "comment", "同意上報"));
		String appliedNow = price(products.get(30), "1.02", in10Days, "批發價小幅上調，與周邊地區一致");
		complete(appliedNow, "Task_ReviewProposal", "brandhead", Map.of("decision", "APPROVE", "comment", "同意"));
		complete(appliedNow, "Task_ApproveByDirector", "director", Map.of("decision", "APPROVE_URGENT", "comment", "先執行，三日內報備"));
		price(products.get(40), "0.97", in10Days, "動銷偏慢，建議下調");
	}

	/**
	 * A notice of the price authority waiting for the brand-planning head's check, a brand's cultivation plan
	 * at the director and a fair waiting for its review: the brand manager's and the notices' work in flight.
	 */
	private void brandsAndNotices() {
		if (deployed("priceNotice")) {
			Product p = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive).toList().get(50);
			start("genadmin", "priceNotice", Map.of("reference", "國煙價〔%d〕%d 號".formatted(LocalDate.now(clock).getYear(), 37),
					"effectiveDate", LocalDate.now(clock).plusDays(7).toString(), "lines", "%s %s %s".formatted(p.code(),
							p.wholesalePrice().multiply(new BigDecimal("1.03")).setScale(2, RoundingMode.HALF_UP).toPlainString(),
							p.retailPrice().multiply(new BigDecimal("1.03")).setScale(2, RoundingMode.HALF_UP).toPlainString()),
					"newProducts", "", "note", "上級通知，全省統一執行"));
		}
		Map<String, Object> brand = jdbc.queryForMap("""
				SELECT brand, MIN(manufacturer_code) AS maker FROM product WHERE status = 'ACTIVE' GROUP BY brand HAVING COUNT(*) >= 2
				ORDER BY brand FETCH FIRST 1 ROWS ONLY""");
		String name = (String) brand.get("brand");
		if (deployed("brandCultivation")) {
			start("brandmgr", "brandCultivation", Map.of("brand", name, "manufacturerCode", brand.get("maker"),
					"planYear", String.valueOf(LocalDate.now(clock).getYear() + 1), "goals", "Q1 30 9000 95\nQ2 35 11000 95\nQ3 38 12000 96\nQ4 40 13000 96",
					"measures", "一至十二檔客戶重點投放，終端陳列和季度推介會", "support", "工業企業提供陳列物料和推介會費用"));
		}
		if (deployed("brandPromotion")) {
			String products = String.join(" ", jdbc.queryForList(
					"SELECT code FROM product WHERE brand = ? AND status = 'ACTIVE' ORDER BY code FETCH FIRST 2 ROWS ONLY", String.class, name));
			LocalDate from = LocalDate.now(clock).plusDays(14);
			start("brandmgr", "brandPromotion", Map.of("kind", "FAIR", "brand", name, "products", products, "startsOn", from.toString(),
					"endsOn", from.plusDays(2).toString(), "targetTiers", "1-12", "regions", "", "budget", "20000", "manufacturerShare", "8000",
					"description", "縣城展銷會，現場訂貨，工業企業派員講解"));
		}
	}

	private boolean deployed(String processKey) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
	}

	private String price(Product p, String factor, LocalDate effective, String reason) {
		BigDecimal f = new BigDecimal(factor);
		String line = "%s %s %s".formatted(p.code(), p.wholesalePrice().multiply(f).setScale(2, RoundingMode.HALF_UP).toPlainString(),
				p.retailPrice().multiply(f).setScale(2, RoundingMode.HALF_UP).toPlainString());
		return start("genadmin", "priceAdjustment", Map.of("lines", line, "reason", reason, "effectiveDate", effective.toString()));
	}

	private String start(String user, String processKey, Map<String, Object> variables) {
		return as(user, () -> runtime.startProcessInstanceByKey(processKey, variables).getId());
	}

	private String businessKey(String instanceId) {
		return runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
	}

	private void completeIfOpen(String instanceId, String step, String user, Map<String, Object> answers) {
		if (tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).count() > 0) {
			complete(instanceId, step, user, answers);
		}
	}

	/** Completes the open task of the step as the user, sending what Tasklist sends: the form's fields. */
	private void complete(String instanceId, String step, String user, Map<String, Object> answers) {
		Task task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
		if (task == null) {
			throw new IllegalStateException("demo: %s waits at no %s".formatted(instanceId, step));
		}
		Set<String> keys = formKeys(task);
		Map<String, Object> sent = new HashMap<>();
		tasks.getVariables(task.getId(), keys).forEach((name, value) -> {
			if (value != null) {
				sent.put(name, value);
			}
		});
		answers.forEach((name, value) -> {
			if (keys.contains(name)) {
				sent.put(name, value);
			}
		});
		as(user, () -> {
			tasks.complete(task.getId(), sent);
			return null;
		});
	}

	private Set<String> formKeys(Task task) {
		return guard.formOf(task.getId()).keys();
	}

	private <T> T as(String user, Supplier<T> action) {
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
		identity.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}
}
