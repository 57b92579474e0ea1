package com.wholesaler.marketing.purchaseplan;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;

/** Every path of purchase-plan-approval.bpmn, with the real delegates, on the in-memory engine. */
@IntegrationTest
class PurchasePlanProcessTest {

	/** The reviewers, in order, with the task each takes and the demo user who takes it. */
	enum Level {
		CHECK(TASK_CHECK, "genadmin", "generalAdmin"),
		PLANNING_HEAD(TASK_REVIEW_PLANNING_HEAD, "brandhead", "brandPlanningHead"),
		DIRECTOR(TASK_REVIEW_DIRECTOR, "director", "centerDirector"),
		EXECUTIVE(TASK_APPROVE_EXECUTIVE, "executive", "executive");

		final String task;
		final String user;
		final String group;

		Level(String task, String user, String group) {
			this.task = task;
			this.user = user;
			this.group = group;
		}
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	PurchasePlans plans;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@AfterEach
	void signOut() {
		identityService.clearAuthentication();
	}

	private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> action) {
		return ActingUsers.as(identityService, user, groups, action);
	}

	private void as(String user, List<String> groups, Runnable action) {
		ActingUsers.as(identityService, user, groups, action);
	}

	private ProcessInstance startPlan() {
		ProcessInstance instance = as("supply", List.of("supplyManager"), () -> runtimeService.startProcessInstanceByKey(
				PROCESS_ID, Map.of(PERIOD, YearMonth.now().plusMonths(1).toString(), NOTE, "下月常規採購")));
		assertThat(instance).isWaitingAt(TASK_DRAFT).task().isAssignedTo("supply");
		return instance;
	}

	private String planNumber(ProcessInstance instance) {
		return instance.getBusinessKey();
	}

	private void submit(ProcessInstance instance) {
		String taskId = task(instance).getId();
		as("supply", List.of("supplyManager"), () -> taskService.complete(taskId,
				withVariables(DRAFT_ACTION, "SUBMIT", SUBMIT_NOTE, "請審核")));
		assertThat(instance).isWaitingAt(TASK_CHECK);
	}

	private void decide(ProcessInstance instance, Level level, String decision, String comment) {
		String taskId = task(instance).getId();
		as(level.user, List.of(level.group), () -> taskService.complete(taskId,
				withVariables(DECISION, decision, COMMENT, comment)));
	}

	private void approveUpTo(ProcessInstance instance, Level last) {
		for (Level level : Level.values()) {
			if (level.ordinal() >= last.ordinal()) {
				return;
			}
			assertThat(instance).isWaitingAt(level.task);
			decide(instance, level, "APPROVE", null);
		}
	}

	@Test
	void approvedAllTheWayFreezesThePlanAndRequestsOneContractPerManufacturer() {
		ProcessInstance instance = startPlan();
		String plan = planNumber(instance);
		org.assertj.core.api.Assertions.assertThat(plan).matches("PP-\\d{4}-\\d{2}-\\d{3}");
		assertThat(instance).hasPassed(TASK_PROPOSE_QUANTITIES).variables().containsEntry(PLAN_NUMBER, plan);
		org.assertj.core.api.Assertions.assertThat(plans.lines(plan)).isNotEmpty();

		submit(instance);
		approveUpTo(instance, Level.EXECUTIVE);
		assertThat(instance).isWaitingAt(TASK_APPROVE_EXECUTIVE);
		decide(instance, Level.EXECUTIVE, "APPROVE", "同意執行");

		assertThat(instance).isEnded().hasPassed(TASK_REQUEST_CONTRACTS, EVENT_APPROVED);
		org.assertj.core.api.Assertions.assertThat(plans.plan(plan).status()).isEqualTo(PlanStatus.APPROVED);
		org.assertj.core.api.Assertions.assertThat(plans.contractRequests(plan))
				.isEqualTo(plans.lines(plan).stream().filter(l -> l.plannedCartons() > 0)
						.map(PlanLine::manufacturerCode).distinct().sorted().toList());
		org.assertj.core.api.Assertions.assertThat(plans.history(plan)).extracting(ApprovalEvent::type)
				.containsExactly(ApprovalEventType.CREATE, ApprovalEventType.SUBMIT, ApprovalEventType.APPROVE, ApprovalEventType.APPROVE,
						ApprovalEventType.APPROVE, ApprovalEventType.APPROVE);
		assertThatThrownBy(() -> plans.changePlanned(plan, plans.lines(plan).get(0).productCode(), 100, "supply"))
				.as("an approved plan is frozen").hasMessageContaining("不能再修改");
	}

	@ParameterizedTest
	@EnumSource(Level.class)
	void aReturnGoesBackToTheDrafterWhoResubmits(Level level) {
		ProcessInstance instance = startPlan();
		submit(instance);
		approveUpTo(instance, level);
		assertThat(instance).isWaitingAt(level.task);

		decide(instance, level, "RETURN", "請補充 " + level + " 要求的說明");

		assertThat(instance).isWaitingAt(TASK_DRAFT).task().isAssignedTo("supply");
		org.assertj.core.api.Assertions.assertThat(plans.plan(planNumber(instance)).status()).isEqualTo(PlanStatus.DRAFTING);
		org.assertj.core.api.Assertions.assertThat(taskService.getVariableLocal(task(instance).getId(), "lastReturnComment"))
				.asString().contains("請補充 " + level);
		submit(instance);
	}

	@ParameterizedTest
	@EnumSource(value = Level.class, names = {"DIRECTOR", "EXECUTIVE"})
	void theDirectorAndTheExecutiveMayReject(Level level) {
		ProcessInstance instance = startPlan();
		submit(instance);
		approveUpTo(instance, level);

		decide(instance, level, "REJECT", "本月資金不足");

		assertThat(instance).isEnded().hasPassed(EVENT_REJECTED).hasNotPassed(TASK_REQUEST_CONTRACTS);
		org.assertj.core.api.Assertions.assertThat(plans.plan(planNumber(instance)).status()).isEqualTo(PlanStatus.REJECTED);
		org.assertj.core.api.Assertions.assertThat(plans.contractRequests(planNumber(instance))).isEmpty();
	}

	@Test
	void theDrafterMayWithdraw() {
		ProcessInstance instance = startPlan();
		String taskId = task(instance).getId();
		as("supply", List.of("supplyManager"), () -> taskService.complete(taskId,
				withVariables(DRAFT_ACTION, "WITHDRAW", SUBMIT_NOTE, "重複建立")));

		assertThat(instance).isEnded().hasPassed(EVENT_WITHDRAWN);
		org.assertj.core.api.Assertions.assertThat(plans.plan(planNumber(instance)).status()).isEqualTo(PlanStatus.WITHDRAWN);
	}

	@ParameterizedTest
	@EnumSource(Level.class)
	void anOverdueReviewRemindsThenEscalatesToTheNextLevel(Level level) {
		ProcessInstance instance = startPlan();
		submit(instance);
		approveUpTo(instance, level);
		String plan = planNumber(instance);

		assertThat(instance).isWaitingAt(level.task);
		org.assertj.core.api.Assertions.assertThat(task(instance).getDueDate()).isNotNull();
		execute(job(overdueTimerOf(level), instance));
		assertThat(instance).isWaitingAt(level.task).hasPassed(TASK_REMIND_REVIEWER);
		org.assertj.core.api.Assertions.assertThat(plans.history(plan)).last()
				.extracting(ApprovalEvent::type).isEqualTo(ApprovalEventType.REMIND);

		if (level == Level.EXECUTIVE) {
			org.assertj.core.api.Assertions.assertThat(engine.getManagementService().createJobQuery()
					.processInstanceId(instance.getId()).count()).as("the executive has no level above").isZero();
			return;
		}
		execute(job(escalationTimerOf(level), instance));
		assertThat(instance).isWaitingAt(level.task).hasPassed(TASK_ESCALATE_REVIEW);
		Level above = Level.values()[level.ordinal() + 1];
		assertThat(task(instance)).hasCandidateGroup(above.group).hasCandidateGroup(level.group);
		org.assertj.core.api.Assertions.assertThat(plans.history(plan)).last()
				.extracting(ApprovalEvent::type).isEqualTo(ApprovalEventType.ESCALATE);

		decide(instance, above, "APPROVE", "代為審核");
		org.assertj.core.api.Assertions.assertThat(plans.history(plan)).last()
				.extracting(ApprovalEvent::actor).isEqualTo(above.user);
	}

	private static String overdueTimerOf(Level level) {
		return switch (level) {
			case CHECK -> "Event_CheckOverdue";
			case PLANNING_HEAD -> "Event_PlanningHeadOverdue";
			case DIRECTOR -> "Event_DirectorOverdue";
			case EXECUTIVE -> "Event_ExecutiveOverdue";
		};
	}

	private static String escalationTimerOf(Level level) {
		return switch (level) {
			case CHECK -> "Event_CheckEscalation";
			case PLANNING_HEAD -> "Event_PlanningHeadEscalation";
			case DIRECTOR -> "Event_DirectorEscalation";
			case EXECUTIVE -> throw new IllegalArgumentException("no escalation above the executive");
		};
	}

	// --- rules that hold everywhere ---

	@Test
	void theDrafterCannotReviewTheirOwnPlanEvenWithTheReviewersRole() {
		ProcessInstance instance = startPlan();
		submit(instance);

		String taskId = task(instance).getId();
		assertThatThrownBy(() -> as("supply", List.of("supplyManager", "generalAdmin"),
				() -> taskService.complete(taskId, withVariables(DECISION, "APPROVE"))))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("不能審批自己的購進計畫");

		assertThat(instance).isWaitingAt(TASK_CHECK);
		org.assertj.core.api.Assertions.assertThat(plans.plan(planNumber(instance)).currentStep()).isEqualTo(PlanStep.CHECK);
	}

	@Test
	void aReturnWithoutACommentIsRefusedAndChangesNothing() {
		ProcessInstance instance = startPlan();
		submit(instance);
		int events = plans.history(planNumber(instance)).size();

		assertThatThrownBy(() -> decide(instance, Level.CHECK, "RETURN", " "))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("必須填寫審核意見");
		assertThatThrownBy(() -> decide(instance, Level.CHECK, null, null)).hasMessageContaining("審核結果 decision」必須填寫");
		assertThatThrownBy(() -> decide(instance, Level.CHECK, "REJECT", "不要"))
				.as("the general admin may only approve or return").hasMessageContaining("只能選擇「同意」或「退回修改」");

		assertThat(instance).isWaitingAt(TASK_CHECK);
		org.assertj.core.api.Assertions.assertThat(plans.history(planNumber(instance))).hasSize(events);
	}

	@Test
	void aPlanForAPastMonthOrABadPeriodIsNotStarted() {
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
		assertThatThrownBy(() -> as("supply", List.of("supplyManager"), () -> runtimeService.startProcessInstanceByKey(
				PROCESS_ID, Map.of(PERIOD, YearMonth.now().minusMonths(1).toString()))))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("已經過去");
		assertThatThrownBy(() -> as("supply", List.of("supplyManager"), () -> runtimeService.startProcessInstanceByKey(
				PROCESS_ID, Map.of(PERIOD, "十二月"))))
				.hasMessageContaining("格式不對");
		org.assertj.core.api.Assertions.assertThat(runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(PROCESS_ID).count()).isEqualTo(before);
	}

	@Test
	void aClerkCannotStartAPlan() {
		assertThatThrownBy(() -> as("clerk1", List.of("phoneClerk"), () -> runtimeService.startProcessInstanceByKey(
				PROCESS_ID, Map.of(PERIOD, YearMonth.now().plusMonths(1).toString()))))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
	}
}
