package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.TasklistForm;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;

/** Every path of price-adjustment.bpmn and every rule of its table, with the real delegates. */
@IntegrationTest
class PriceAdjustmentProcessTest {

	/** Each test takes products nobody else's proposal holds (a product may be in one open proposal only). */
	private static final AtomicInteger NEXT_PRODUCT = new AtomicInteger(200);
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
	HistoryService historyService;

	@Autowired
	PriceProposals proposals;

	@Autowired
	Catalog catalog;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	private Product freshProduct(java.util.function.Predicate<Product> suitable) {
		List<Product> active = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive)
				.filter(suitable).toList();
		return active.get(NEXT_PRODUCT.getAndIncrement() % active.size());
	}

	private Product freshProduct() {
		return freshProduct(p -> true);
	}

	private static BigDecimal times(BigDecimal price, String factor) {
		return price.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_UP);
	}

	private static String row(Product p, BigDecimal wholesale, BigDecimal retail, BigDecimal allocation) {
		return "{\"productCode\":\"%s\",\"proposedWholesale\":%s,\"proposedRetail\":%s%s}".formatted(p.code(),
				wholesale.toPlainString(), retail.toPlainString(),
				allocation == null ? "" : ",\"proposedAllocation\":" + allocation.toPlainString());
	}

	/** A rise of the given factor on wholesale and retail, keeping the retailer's margin. */
	private static String rise(Product p, String factor) {
		return row(p, times(p.wholesalePrice(), factor), times(p.retailPrice(), factor), null);
	}

	private ProcessInstance propose(String... rows) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(LINES, "[" + String.join(",", rows) + "]");
		variables.put(REASON, "周邊市場價格上漲，貨源偏緊");
		variables.put(EFFECTIVE_DATE, LocalDate.now().plusDays(10).toString());
		return ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"),
				() -> runtimeService.startProcessInstanceByKey(PROCESS_ID, variables));
	}

	private void complete(ProcessInstance instance, String user, String group, Map<String, Object> variables) {
		String taskId = task(instance).getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, TasklistForm.submission(engine, taskId, variables)));
	}

	private void decide(ProcessInstance instance, String user, String group, String decision, String comment) {
		Map<String, Object> v = new HashMap<>();
		v.put(DECISION, decision);
		v.put(COMMENT, comment);
		complete(instance, user, group, v);
	}

	private void approveToAuthority(ProcessInstance instance, boolean executive) {
		assertThat(instance).isWaitingAt(TASK_REVIEW);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		assertThat(instance).isWaitingAt(TASK_APPROVE_DIRECTOR);
		decide(instance, "director", "centerDirector", "APPROVE", "同意上報");
		if (executive) {
			assertThat(instance).isWaitingAt(TASK_APPROVE_EXECUTIVE);
			decide(instance, "executive", "executive", "APPROVE", "同意");
		}
		assertThat(instance).hasPassed(TASK_REPORT).isWaitingAt(TASK_RECORD_DECISION);
	}

	private void acknowledgeAll(ProcessInstance instance) {
		Map<String, String> byTask = Map.of(TASK_ACK_ORDER_DEPT, "orderhead:orderDeptHead",
				TASK_ACK_SEAT_LEADER, "seatlead:seatLeader", TASK_ACK_REGIONAL, "regional1:regionalMarketing");
		assertThat(instance).isWaitingAt(TASK_ACK_ORDER_DEPT, TASK_ACK_SEAT_LEADER, TASK_ACK_REGIONAL);
		byTask.forEach((key, who) -> {
			String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
					.singleResult().getId();
			ActingUsers.as(identityService, who.split(":")[0], List.of(who.split(":")[1]),
					() -> taskService.complete(taskId, Map.of("acknowledged", true)));
		});
	}

	private String number(ProcessInstance instance) {
		return instance.getBusinessKey();
	}

	private void rememberRulesHit(ProcessInstance instance) {
		for (HistoricDecisionInstance d : historyService.createHistoricDecisionInstanceQuery()
				.processInstanceId(instance.getId()).includeOutputs().list()) {
			d.getOutputs().forEach(o -> RULES_HIT.add(o.getRuleId()));
		}
	}

	@AfterAll
	static void everyRuleOfTheTableWasHit() {
		org.assertj.core.api.Assertions.assertThat(RULES_HIT).containsExactlyInAnyOrder("Rule_RetailBelowMinimumMargin",
				"Rule_LargeChange", "Rule_PriceClassChange", "Rule_SmallWholesaleRise");
	}

	@Test
	void refusedByTheRulesThenRevisedApprovedAcceptedAndEffectiveOnItsDate() {
		Product p = freshProduct();
		BigDecimal wholesale = times(p.wholesalePrice(), "1.05");
		ProcessInstance instance = propose(row(p, wholesale, times(wholesale, "1.05"), null));
		String number = number(instance);
		org.assertj.core.api.Assertions.assertThat(number).matches("PA-\\d{4}-\\d{4}");

		assertThat(instance).hasPassed(TASK_CHECK_RULES).isWaitingAt(TASK_REVISE).task().isAssignedTo("genadmin");
		org.assertj.core.api.Assertions.assertThat(proposals.proposal(number).refusal()).contains("1.10");
		rememberRulesHit(instance);

		Map<String, Object> revised = new HashMap<>();
		revised.put(REVISE_ACTION, "RESUBMIT");
		revised.put(LINES, "[" + rise(p, "1.05") + "]");
		complete(instance, "genadmin", "generalAdmin", revised);
		approveToAuthority(instance, false);

		complete(instance, "genadmin", "generalAdmin", Map.of(AUTHORITY_DECISION, "ACCEPTED"));
		assertThat(instance).isWaitingAt(EVENT_EFFECTIVE_DATE);
		org.assertj.core.api.Assertions.assertThat(catalog.product(p.code()).orElseThrow().wholesalePrice())
				.as("before the effective date the price list is unchanged").isEqualByComparingTo(p.wholesalePrice());

		execute(job(EVENT_EFFECTIVE_DATE, instance));
		org.assertj.core.api.Assertions.assertThat(catalog.product(p.code()).orElseThrow().wholesalePrice())
				.isEqualByComparingTo(times(p.wholesalePrice(), "1.05"));
		List<PriceRecord> history = proposals.priceHistory(p.code());
		org.assertj.core.api.Assertions.assertThat(history).hasSize(2);
		LocalDate effective = proposals.proposal(number).effectiveDate();
		org.assertj.core.api.Assertions.assertThat(history.get(0).validTo()).isEqualTo(effective);
		org.assertj.core.api.Assertions.assertThat(history.get(0).wholesalePrice()).isEqualByComparingTo(p.wholesalePrice());
		org.assertj.core.api.Assertions.assertThat(history.get(1).validFrom()).isEqualTo(effective);
		org.assertj.core.api.Assertions.assertThat(history.get(1).validTo()).isNull();
		org.assertj.core.api.Assertions.assertThat(history.get(1).proposalNumber()).isEqualTo(number);

		acknowledgeAll(instance);
		assertThat(instance).isEnded().hasPassed("Event_PricesEffective");
		org.assertj.core.api.Assertions.assertThat(proposals.proposal(number).status()).isEqualTo(ProposalStatus.EFFECTIVE);
	}

	@Test
	void theProposerMayWithdrawAfterARefusal() {
		Product p = freshProduct();
		ProcessInstance instance = propose(row(p, p.wholesalePrice(), times(p.wholesalePrice(), "1.01"), null));
		assertThat(instance).isWaitingAt(TASK_REVISE);
		complete(instance, "genadmin", "generalAdmin", Map.of(REVISE_ACTION, "WITHDRAW", COMMENT, "另行研究"));
		assertThat(instance).isEnded().hasPassed("Event_ProposalWithdrawn");
		org.assertj.core.api.Assertions.assertThat(proposals.proposal(number(instance)).status()).isEqualTo(ProposalStatus.WITHDRAWN);
	}

	@Test
	void aLargeChangeGoesToTheExecutiveAndTheAuthorityAcceptsOtherPricesByMessage() {
		Product p = freshProduct();
		ProcessInstance instance = propose(rise(p, "1.12"));
		rememberRulesHit(instance);
		org.assertj.core.api.Assertions.assertThat(proposals.proposal(number(instance)).needsExecutive()).isTrue();
		approveToAuthority(instance, true);

		BigDecimal wholesale = times(p.wholesalePrice(), "1.08");
		BigDecimal retail = times(p.retailPrice(), "1.08");
		runtimeService.createMessageCorrelation(MESSAGE_PRICE_DECISION).processInstanceBusinessKey(number(instance))
				.setVariable(AUTHORITY_DECISION, "ACCEPTED")
				.setVariable(FINAL_PRICES, SpinValues.jsonValue("[{\"productCode\":\"%s\",\"wholesale\":%s,\"retail\":%s}]"
						.formatted(p.code(), wholesale, retail)).create())
				.correlate();

		assertThat(instance).hasPassed(EVENT_DECISION_RECEIVED).isWaitingAt(EVENT_EFFECTIVE_DATE);
		execute(job(EVENT_EFFECTIVE_DATE, instance));
		org.assertj.core.api.Assertions.assertThat(catalog.product(p.code()).orElseThrow().wholesalePrice())
				.as("the authority's price, not the proposed one").isEqualByComparingTo(wholesale);
		acknowledgeAll(instance);
		assertThat(instance).isEnded();
	}

	@Test
	void aChangeOfPriceClassNeedsTheExecutiveAndTheAuthorityMayRefuse() {
		Product p = freshProduct(x -> x.priceClass() == PriceClass.CLASS_2);
		ProcessInstance instance = propose(row(p, times(p.wholesalePrice(), "1.02"), times(p.retailPrice(), "1.02"),
				new BigDecimal("100.00")));
		rememberRulesHit(instance);
		org.assertj.core.api.Assertions.assertThat(proposals.lines(number(instance)).get(0).warnings()).contains("價類由二類變為一類");
		approveToAuthority(instance, true);

		complete(instance, "genadmin", "generalAdmin", Map.of(AUTHORITY_DECISION, "REFUSED", AUTHORITY_REASON, "不符合本季調價安排"));
		assertThat(instance).isWaitingAt(TASK_READ_OUTCOME);
		complete(instance, "genadmin", "generalAdmin", Map.of());
		assertThat(instance).isEnded().hasPassed("Event_ProposalClosed");
		org.assertj.core.api.Assertions.assertThat(proposals.proposal(number(instance)).status()).isEqualTo(ProposalStatus.REFUSED);
		org.assertj.core.api.Assertions.assertThat(catalog.product(p.code()).orElseThrow().allocationPrice())
				.isEqualByComparingTo(p.allocationPrice());
	}

	@Test
	void theUrgentPathAppliesAtOnceAndTheReportFollows() {
		Product p = freshProduct();
		ProcessInstance instance = propose(rise(p, "1.02"));
		rememberRulesHit(instance);
		org.assertj.core.api.Assertions.assertThat(proposals.proposal(number(instance)).urgentAllowed()).isTrue();
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		decide(instance, "director", "centerDirector", "APPROVE_URGENT", "情況緊急，先執行");

		assertThat(instance).hasPassed(TASK_APPLY_PRICES_NOW).hasNotPassed(TASK_REPORT);
		org.assertj.core.api.Assertions.assertThat(catalog.product(p.code()).orElseThrow().wholesalePrice())
				.isEqualByComparingTo(times(p.wholesalePrice(), "1.02"));
		acknowledgeAll(instance);
		assertThat(instance).isWaitingAt(TASK_REPORT_AFTERWARDS);
		assertThatThrownBy(() -> complete(instance, "genadmin", "generalAdmin", Map.of(REPORT_REFERENCE, " ")))
				.as("the report cannot be skipped").hasMessageContaining("報備文號");
		complete(instance, "genadmin", "generalAdmin", Map.of(REPORT_REFERENCE, "營價報〔2026〕12 號"));
		assertThat(instance).isEnded().hasPassed("Event_UrgentReported");
	}

	@Test
	void theUrgentPathIsRefusedForABiggerRise() {
		Product p = freshProduct();
		ProcessInstance instance = propose(rise(p, "1.05"));
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		assertThatThrownBy(() -> decide(instance, "director", "centerDirector", "APPROVE_URGENT", null))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("先執行後報備");
		assertThat(instance).isWaitingAt(TASK_APPROVE_DIRECTOR);
	}

	@Test
	void returnsAtEveryLevelGoBackToTheProposer() {
		Product p = freshProduct();
		ProcessInstance instance = propose(rise(p, "1.12"));
		Map<String, Object> resubmit = Map.of(REVISE_ACTION, "RESUBMIT");

		decide(instance, "brandhead", "brandPlanningHead", "RETURN", "請補充周邊市場價格");
		assertThat(instance).isWaitingAt(TASK_REVISE);
		complete(instance, "genadmin", "generalAdmin", resubmit);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		decide(instance, "director", "centerDirector", "RETURN", "調幅太大");
		assertThat(instance).isWaitingAt(TASK_REVISE);
		complete(instance, "genadmin", "generalAdmin", resubmit);
		decide(instance, "brandhead", "brandPlanningHead", "APPROVE", null);
		decide(instance, "director", "centerDirector", "APPROVE", null);
		decide(instance, "executive", "executive", "RETURN", "下季度再議");
		assertThat(instance).isWaitingAt(TASK_REVISE);
		org.assertj.core.api.Assertions.assertThat(taskService.getVariableLocal(task(instance).getId(), "proposalRefusal"))
				.isEqualTo("下季度再議");
	}

	@Test
	void rejectionsAtEveryLevelEndWithTheProposerReadingWhy() {
		String[][] levels = {{"brandhead", "brandPlanningHead"}, {"director", "centerDirector"}, {"executive", "executive"}};
		for (int level = 0; level < levels.length; level++) {
			ProcessInstance instance = propose(rise(freshProduct(), "1.12"));
			for (int before = 0; before < level; before++) {
				decide(instance, levels[before][0], levels[before][1], "APPROVE", null);
			}
			decide(instance, levels[level][0], levels[level][1], "REJECT", "不同意調價");
			assertThat(instance).isWaitingAt(TASK_READ_OUTCOME);
			org.assertj.core.api.Assertions.assertThat(proposals.proposal(number(instance)).status()).isEqualTo(ProposalStatus.REJECTED);
			complete(instance, "genadmin", "generalAdmin", Map.of());
			assertThat(instance).isEnded();
		}
	}

	@Test
	void noDecisionInFifteenDaysRemindsAndKeepsWaiting() {
		ProcessInstance instance = propose(rise(freshProduct(), "1.05"));
		approveToAuthority(instance, false);
		execute(job(EVENT_AUTHORITY_OVERDUE, instance));
		assertThat(instance).hasPassed("Task_RemindAuthority").isWaitingAt(TASK_RECORD_DECISION);
		org.assertj.core.api.Assertions.assertThat(proposals.history(number(instance))).last()
				.extracting(com.wholesaler.marketing.approval.ApprovalEvent::type).isEqualTo(com.wholesaler.marketing.approval.ApprovalEventType.REMIND);
	}

	// --- rules that hold everywhere ---

	@Test
	void badProposalsAreRefusedInChineseAndStartNothing() {
		Product p = freshProduct();
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
		assertThatThrownBy(() -> propose(row(p, new BigDecimal("-1.00"), p.retailPrice(), null)))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("必須大於零");
		assertThatThrownBy(() -> propose(row(p, new BigDecimal("100.123"), p.retailPrice(), null)))
				.hasMessageContaining("最多兩位小數");
		assertThatThrownBy(() -> propose("{\"productCode\":\"P9999\",\"proposedWholesale\":10,\"proposedRetail\":20}"))
				.hasMessageContaining("找不到捲菸規格");
		assertThatThrownBy(() -> propose(rise(p, "1.05"), rise(p, "1.06"))).hasMessageContaining("填了兩次");
		org.assertj.core.api.Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
				.count()).isEqualTo(before);

		ProcessInstance first = propose(rise(p, "1.05"));
		assertThatThrownBy(() -> propose(rise(p, "1.06")))
				.as("one open proposal per product").hasMessageContaining("已在其他進行中的價格建議").hasMessageContaining(number(first));
	}

	@Test
	void theProposerCannotApproveTheirOwnProposal() {
		ProcessInstance instance = propose(rise(freshProduct(), "1.05"));
		String taskId = task(instance).getId();
		assertThatThrownBy(() -> ActingUsers.as(identityService, "genadmin", List.of("generalAdmin", "brandPlanningHead"),
				() -> taskService.complete(taskId, Map.of(DECISION, "APPROVE"))))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能審批自己的價格調整建議");
		assertThat(instance).isWaitingAt(TASK_REVIEW);
	}

	@Test
	void theRuleTableIsWhatDecides() {
		Set<String> ruleIds = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_ID)
				.latestVersion().list().stream().map(d -> d.getKey()).collect(Collectors.toSet());
		org.assertj.core.api.Assertions.assertThat(ruleIds).containsExactly(DECISION_ID);
	}
}
