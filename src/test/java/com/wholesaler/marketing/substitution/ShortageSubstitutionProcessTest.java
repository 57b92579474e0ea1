package com.wholesaler.marketing.substitution;

import static com.wholesaler.marketing.substitution.ShortageProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.TasklistForm;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;

/** Every path of shortage-substitution.bpmn and stock-warning.bpmn, and every rule of the approval table. */
@IntegrationTest
class ShortageSubstitutionProcessTest {

	private static final Set<String> RULES_HIT = new HashSet<>();

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ShortageCases cases;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	/** A product with stock and no case today, so each test has its own. */
	private Product freeProduct(Predicate<Product> suitable) {
		return catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive).filter(suitable)
				.filter(p -> cases.openCaseFor(p.code()).isEmpty() && !cases.handledToday(p.code()))
				.filter(p -> catalog.stockPosition(p.code()).orElseThrow().onHand() > 1_000)
				// never limited before, not even as another case's substitute: the rule's "first time" holds
				.filter(p -> jdbc.queryForObject("SELECT COUNT(*) FROM allocation_limit WHERE product_code = ?", Long.class, p.code()) == 0)
				.findFirst().orElseThrow();
	}

	private ProcessInstance startByHand(Product p) {
		return ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService
				.startProcessInstanceByKey(PROCESS_ID, Map.of(PRODUCT_CODE, p.code(), NOTE, "客戶反映斷貨")));
	}

	private void complete(ProcessInstance instance, String user, String group, Map<String, Object> variables) {
		String taskId = task(instance).getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, TasklistForm.submission(engine, taskId, variables)));
	}

	private void submitDraft(ProcessInstance instance) {
		assertThat(instance).isWaitingAt(TASK_DRAFT);
		complete(instance, "supply", "supplyManager", Map.of(NOTE, "按測算執行"));
	}

	private void decide(ProcessInstance instance, String user, String group, String decision, String comment) {
		Map<String, Object> v = new HashMap<>();
		v.put(DECISION, decision);
		v.put(COMMENT, comment);
		complete(instance, user, group, v);
	}

	private void acknowledgeAll(ProcessInstance instance) {
		Map<String, String> who = Map.of(TASK_ACK_SEAT_LEADER, "seatlead:seatLeader", TASK_INFORM_BRAND_MANAGER, "brandmgr:brandManager",
				TASK_INFORM_REGIONAL, "regional1:regionalMarketing");
		who.forEach((key, user) -> {
			String id = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult().getId();
			ActingUsers.as(identityService, user.split(":")[0], List.of(user.split(":")[1]),
					() -> taskService.complete(id, Map.of("acknowledged", true)));
		});
	}

	private void rememberRules(ProcessInstance instance) {
		for (HistoricDecisionInstance d : historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
				.decisionDefinitionKey("substitutionApproval").includeOutputs().list()) {
			d.getOutputs().forEach(o -> RULES_HIT.add(o.getRuleId()));
		}
	}

	@AfterAll
	static void everyApprovalRuleWasHit() {
		org.assertj.core.api.Assertions.assertThat(RULES_HIT)
				.containsExactlyInAnyOrder("Rule_DearClasses", "Rule_ManyRetailersCut", "Rule_Otherwise");
	}

	private long activeLimitsOf(String productCode) {
		return cases.activeLimits().stream().filter(l -> l.productCode().equals(productCode)).count();
	}

	/** Limits of 0 last month: this time nobody's limit is lower, so the rule leaves the director out. */
	private void hadZeroLimitsLastMonth(Product p) {
		String old = "SS-" + p.code() + "-20200101";
		jdbc.update("INSERT INTO shortage_case (case_number, product_code, started_by, status, created_at) VALUES (?, ?, 'test', 'EXPIRED', CURRENT_TIMESTAMP)", old, p.code());
		for (int t = 1; t <= 30; t++) {
			jdbc.update("INSERT INTO allocation_limit (product_code, tier, limit_cartons, valid_from, valid_to, case_number, ended_at) VALUES (?, ?, 0, ?, ?, ?, CURRENT_TIMESTAMP)",
					p.code(), t, java.sql.Date.valueOf(LocalDate.now().minusDays(40)), java.sql.Date.valueOf(LocalDate.now().minusDays(26)), old);
		}
	}

	@Test
	void handStartedWithTheDirectorPublishedAcknowledgedAndExpired() {
		Product p = freeProduct(x -> x.priceClass().number() >= 3);
		ProcessInstance instance = startByHand(p);
		String number = instance.getBusinessKey();
		org.assertj.core.api.Assertions.assertThat(number).isEqualTo("SS-%s-%s".formatted(p.code(),
				LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)));
		assertThat(instance).hasPassed(TASK_PROPOSE);
		List<ShortageProduct> products = cases.products(number);
		org.assertj.core.api.Assertions.assertThat(products.get(0).productCode()).isEqualTo(p.code());

		submitDraft(instance);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		rememberRules(instance);
		assertThat(instance).hasPassed(TASK_APPROVAL_RULE).isWaitingAt(TASK_APPROVE_DIRECTOR);
		decide(instance, "director", "centerDirector", "APPROVE", "同意投放");

		assertThat(instance).hasPassed(TASK_PUBLISH);
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).as("limits in force for the phone-ordering side").isEqualTo(30);
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(number).status()).isEqualTo(ShortageStatus.ACTIVE);
		acknowledgeAll(instance);

		execute(job(EVENT_VALIDITY_ENDED, instance));
		assertThat(instance).isEnded().hasPassed("Event_LimitsExpired");
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).as("gone after expiry").isZero();
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(number).status()).isEqualTo(ShortageStatus.EXPIRED);
	}

	@Test
	void aDearProductGoesToTheDirectorWhoReturnsThenRejects() {
		Product p = freeProduct(x -> x.priceClass().number() <= 2);
		ProcessInstance instance = startByHand(p);
		submitDraft(instance);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		rememberRules(instance);
		decide(instance, "director", "centerDirector", "RETURN", "替代規格太少");
		assertThat(instance).isWaitingAt(TASK_DRAFT);
		submitDraft(instance);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		decide(instance, "director", "centerDirector", "REJECT", "貨源下週到，不必限量");
		assertThat(instance).isEnded().hasPassed("Event_PlanRejected");
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(instance.getBusinessKey()).status()).isEqualTo(ShortageStatus.REJECTED);
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).isZero();
	}

	@Test
	void theReviewMayReturnOrReject() {
		ProcessInstance returned = startByHand(freeProduct(x -> true));
		submitDraft(returned);
		decide(returned, "brandhead", "brandPlanningHead", "RETURN", "請調整高檔位限量");
		assertThat(returned).isWaitingAt(TASK_DRAFT);

		ProcessInstance rejected = startByHand(freeProduct(x -> true));
		submitDraft(rejected);
		decide(rejected, "brandhead", "brandPlanningHead", "REJECT", "不需要替代");
		assertThat(rejected).isEnded().hasPassed("Event_PlanRejected");
	}

	@Test
	void withoutTheDirectorThenEndedEarlyBecauseStockRecovered() {
		Product p = freeProduct(x -> x.priceClass().number() >= 3);
		hadZeroLimitsLastMonth(p);
		ProcessInstance instance = startByHand(p);
		submitDraft(instance);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		rememberRules(instance);
		assertThat(instance).hasPassed(TASK_PUBLISH).hasNotPassed(TASK_APPROVE_DIRECTOR);
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).isEqualTo(30);

		runtimeService.createMessageCorrelation(MESSAGE_STOCK_RECOVERED).processInstanceBusinessKey(instance.getBusinessKey()).correlate();
		assertThat(instance).hasPassed("Event_LimitsWithdrawn");
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).as("withdrawn at once").isZero();
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(instance.getBusinessKey()).status()).isEqualTo(ShortageStatus.RECOVERED);
		acknowledgeAll(instance);
		assertThat(instance).isEnded();
	}

	@Test
	void aPlanInForceIsReplannedOnceRefusedThenApprovedAndOnlyAsTheSupplyManagerAsks() throws Exception {
		Product p = freeProduct(x -> x.priceClass().number() >= 3);
		hadZeroLimitsLastMonth(p);
		ProcessInstance instance = startByHand(p);
		String number = instance.getBusinessKey();
		submitDraft(instance);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		acknowledgeAll(instance);
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(number).status()).isEqualTo(ShortageStatus.ACTIVE);

		// the message alone, as a client of the engine could send it, opens nothing
		assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_REPLAN).processInstanceBusinessKey(number).correlate())
				.hasMessageContaining("沒有經貨源管理員提出的重新擬訂");
		mvc.perform(get("/shortages/" + number).with(user("supply").authorities(() -> "supplyManager")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("replan-form")));
		mvc.perform(post("/shortages/" + number + "/replan").param("reason", "收緊").with(user("brandhead").authorities(() -> "brandPlanningHead"))
				.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/shortages/" + number + "/replan").param("reason", " ").with(user("supply").authorities(() -> "supplyManager"))
				.with(csrf())).andExpect(status().isBadRequest()).andExpect(content().string(containsString("請寫明重新擬訂限量的理由")));
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(number).status()).isEqualTo(ShortageStatus.ACTIVE);

		mvc.perform(post("/shortages/" + number + "/replan").param("reason", "到貨推遲兩週").with(user("supply").authorities(() -> "supplyManager"))
				.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(instance).hasPassed("Task_OpenReplan").isWaitingAt(TASK_DRAFT);
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).as("the limits in force stay while re-planned").isEqualTo(30);
		submitDraft(instance);
		decide(instance, "brandhead", "brandPlanningHead", "REJECT", "維持原方案");
		assertThat(instance).hasPassed("Gateway_KeepPlan").isNotEnded();
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(number).status()).isEqualTo(ShortageStatus.ACTIVE);
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).isEqualTo(30);
		org.assertj.core.api.Assertions.assertThat(job(EVENT_VALIDITY_ENDED, instance)).as("waiting again for its end").isNotNull();

		cases.requestReplan(number, "supply", Set.of("supplyManager"), "到貨再推遲，收緊限量");
		String taskId = task(instance).getId();
		ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> taskService.complete(taskId,
				TasklistForm.submission(engine, taskId, Map.of(NOTE, "收緊", LIMIT_CHANGES, p.code() + " 1 0"))));
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).as("the new limits replace the old").isEqualTo(30);
		org.assertj.core.api.Assertions.assertThat(cases.activeLimits().stream().filter(l -> l.productCode().equals(p.code()) && l.tier() == 1)
				.findFirst().orElseThrow().limitCartons()).isZero();
		org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_limit WHERE case_number = ? AND ended_at IS NOT NULL",
				Long.class, number)).as("the first limits ended when the new ones were published").isEqualTo(cases.products(number).size() * 30L);
		org.assertj.core.api.Assertions.assertThat(cases.history(number)).extracting(e -> e.type().name())
				.containsSubsequence("PUBLISHED", "AMENDMENT_REQUESTED", "REJECT", "PUBLISHED", "AMENDMENT_REQUESTED", "APPROVE", "PUBLISHED");
		acknowledgeAll(instance);
		runtimeService.createMessageCorrelation(MESSAGE_STOCK_RECOVERED).processInstanceBusinessKey(number).correlate();
		assertThat(instance).isEnded();
		org.assertj.core.api.Assertions.assertThat(activeLimitsOf(p.code())).isZero();
	}

	@Test
	void theDailyWarningStartsOneCasePerShortProductOnceADayAndEndsRecoveredOnes() {
		List<Job> timers = managementService.createJobQuery().processDefinitionKey(WARNING_PROCESS_ID).timers().list();
		org.assertj.core.api.Assertions.assertThat(timers).hasSize(1);
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
		managementService.executeJob(timers.get(0).getId());
		long started = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count() - before;
		org.assertj.core.api.Assertions.assertThat(started).as("cases for products under their warning level").isPositive();

		// a second run the same day starts nothing twice
		Job next = managementService.createJobQuery().processDefinitionKey(WARNING_PROCESS_ID).timers().singleResult();
		managementService.executeJob(next.getId());
		org.assertj.core.api.Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count())
				.isEqualTo(before + started);

		// an active case whose product recovered is ended by the next warning
		Product p = freeProduct(x -> x.priceClass().number() >= 3);
		hadZeroLimitsLastMonth(p);
		ProcessInstance instance = startByHand(p);
		submitDraft(instance);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(instance.getBusinessKey()).status()).isEqualTo(ShortageStatus.ACTIVE);
		managementService.executeJob(managementService.createJobQuery().processDefinitionKey(WARNING_PROCESS_ID).timers().singleResult().getId());
		org.assertj.core.api.Assertions.assertThat(cases.shortageCase(instance.getBusinessKey()).status()).isEqualTo(ShortageStatus.RECOVERED);
	}

	// --- rules that hold everywhere ---

	@Test
	void badLimitsAndValidityAreRefusedAndChangeNothing() {
		Product p = freeProduct(x -> true);
		ProcessInstance instance = startByHand(p);
		String number = instance.getBusinessKey();
		int[] before = cases.products(number).get(0).limits().clone();

		Map<String, Object> decreasing = new HashMap<>();
		decreasing.put(LIMIT_CHANGES, "%s 30 %d".formatted(p.code(), Math.max(0, before[29] - 1)));
		if (before[29] > 0) {
			assertThatThrownBy(() -> complete(instance, "supply", "supplyManager", decreasing))
					.isInstanceOf(BadUserRequestException.class).hasMessageContaining("檔位越高限量不能越低");
		}
		Map<String, Object> tooMuch = new HashMap<>();
		tooMuch.put(LIMIT_CHANGES, "%s 30 1000000".formatted(p.code()));
		assertThatThrownBy(() -> complete(instance, "supply", "supplyManager", tooMuch)).hasMessageContaining("超過本週可投放");
		Map<String, Object> negative = new HashMap<>();
		negative.put(LIMIT_CHANGES, "%s 1 -1".formatted(p.code()));
		assertThatThrownBy(() -> complete(instance, "supply", "supplyManager", negative)).hasMessageContaining("不小於零的整數");
		assertThatThrownBy(() -> complete(instance, "supply", "supplyManager", Map.of(LIMIT_CHANGES, "P0001 三十 2")))
				.hasMessageContaining("應為「規格代碼 檔位 限量」");
		assertThatThrownBy(() -> complete(instance, "supply", "supplyManager",
				Map.of(VALID_FROM, LocalDate.now().plusDays(5).toString(), VALID_TO, LocalDate.now().plusDays(2).toString())))
				.hasMessageContaining("結束日期必須晚於開始日期");

		assertThat(instance).isWaitingAt(TASK_DRAFT);
		org.assertj.core.api.Assertions.assertThat(cases.products(number).get(0).limits()).isEqualTo(before);
		assertThatThrownBy(() -> startByHand(p)).as("one open case per product").hasMessageContaining("已有進行中的替代方案");
		assertThatThrownBy(() -> ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService
				.startProcessInstanceByKey(PROCESS_ID, Map.of(PRODUCT_CODE, "P9999")))).hasMessageContaining("找不到捲菸規格");
	}

	@Test
	void theDrafterCannotReviewTheirOwnPlan() {
		ProcessInstance instance = startByHand(freeProduct(x -> true));
		submitDraft(instance);
		String taskId = task(instance).getId();
		assertThatThrownBy(() -> ActingUsers.as(identityService, "supply", List.of("supplyManager", "brandPlanningHead"),
				() -> taskService.complete(taskId, Map.of(DECISION, "APPROVE"))))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能審批自己的缺貨替代方案");
		assertThat(instance).isWaitingAt(TASK_REVIEW);
	}
}
