package com.wholesaler.marketing.approval;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.purchaseplan.PurchasePlans;

/** 代理 and 分管: who may decide for an absent director, until when, and what the sheet says. */
@IntegrationTest
class DelegationTest {

	private static final Set<String> DIRECTOR = Set.of("centerDirector");

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	StandIns standIns;

	@Autowired
	DeputyAreas deputyAreas;

	@Autowired
	DelegatedTasks delegatedTasks;

	@Autowired
	PurchasePlans plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.camunda.bpm.engine.FilterService filterService;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void noStandInsNoAreas() {
		jdbc.update("UPDATE stand_in SET ended_at = CURRENT_TIMESTAMP, ended_by = 'test' WHERE ended_at IS NULL");
		deputyAreas.assign(Set.of(), "director", DIRECTOR);
		delegatedTasks.sync();
		identityService.clearAuthentication();
	}

	/** A plan started, submitted and approved up to the director's review. */
	private String planAtTheDirector() {
		String instanceId = com.wholesaler.marketing.PlanAtTheDirector.start(runtimeService, taskService, identityService, "代理測試");
		assertThat(openTask(instanceId).getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_DIRECTOR);
		return instanceId;
	}

	private Task openTask(String instanceId) {
		return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
	}

	private void complete(String instanceId, String user, String group, Map<String, Object> variables) {
		String taskId = openTask(instanceId).getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, variables));
	}

	private List<String> candidates(Task task, boolean users) {
		return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
				.map(users ? IdentityLink::getUserId : IdentityLink::getGroupId).filter(id -> id != null).toList();
	}

	private String plan(String instanceId) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
	}

	@Test
	void aStandInDecidesForTheDirectorAndTheSheetSaysSo() {
		String instanceId = planAtTheDirector();
		LocalDate today = LocalDate.now(clock);
		standIns.appoint("director", "deputy", today, today.plusDays(2), "director", DIRECTOR);

		assertThat(candidates(openTask(instanceId), true)).as("offered to the stand-in in Tasklist").contains("deputy");
		String toApprove = filterService.createFilterQuery().filterName("待我審批").singleResult().getId();
		assertThat(ActingUsers.as(identityService, "deputy", List.of("deputyDirector"), () -> filterService.<Task>list(toApprove)))
				.as("in the stand-in's 待我審批").extracting(Task::getProcessInstanceId).contains(instanceId);
		complete(instanceId, "deputy", "deputyDirector", Map.of(DECISION, "APPROVE", COMMENT, "代主任同意"));

		assertThat(openTask(instanceId).getTaskDefinitionKey()).isEqualTo(TASK_APPROVE_EXECUTIVE);
		ApprovalEvent decision = plans.history(plan(instanceId)).get(plans.history(plan(instanceId)).size() - 1);
		assertThat(decision.type()).isEqualTo(ApprovalEventType.APPROVE);
		assertThat(decision.actor()).isEqualTo("deputy");
		assertThat(decision.onBehalfOf()).isEqualTo("director");
		assertThat(decision.who()).isEqualTo("趙華 代 李明");
	}

	@Test
	void afterItsLastDayOrItsEndTheStandInCannotDecide() {
		String instanceId = planAtTheDirector();
		LocalDate today = LocalDate.now(clock);
		jdbc.update("INSERT INTO stand_in (principal, stand_in, valid_from, valid_to, created_by, created_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
				"director", "deputy", java.sql.Date.valueOf(today.minusDays(5)), java.sql.Date.valueOf(today.minusDays(1)), "director");
		delegatedTasks.sync();
		assertThat(candidates(openTask(instanceId), true)).doesNotContain("deputy");
		assertThatThrownBy(() -> complete(instanceId, "deputy", "deputyDirector", Map.of(DECISION, "APPROVE")))
				.isInstanceOf(BadUserRequestException.class).hasMessageContaining("營銷中心主任");
		String plan = plan(instanceId);
		assertThatThrownBy(() -> ActingUsers.as(identityService, "deputy", List.of("deputyDirector"),
				() -> plans.decide(plan, com.wholesaler.marketing.purchaseplan.PlanStep.REVIEW_DIRECTOR, Decision.APPROVE, null)))
				.as("the core refuses it too").hasMessageContaining("沒有這個角色");

		StandIn current = standIns.appoint("director", "deputy", today, today.plusDays(1), "director", DIRECTOR);
		assertThat(candidates(openTask(instanceId), true)).contains("deputy");
		standIns.end(current.id(), "director", DIRECTOR);
		assertThat(candidates(openTask(instanceId), true)).as("ended early: no longer offered").doesNotContain("deputy");
		assertThatThrownBy(() -> complete(instanceId, "deputy", "deputyDirector", Map.of(DECISION, "APPROVE")))
				.isInstanceOf(BadUserRequestException.class);
		assertThat(openTask(instanceId).getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_DIRECTOR);
	}

	@Test
	void theDeputyGetsTheDirectorsStepsOfItsAreasAndNotOthers() {
		String instanceId = planAtTheDirector();
		deputyAreas.assign(Set.of(Area.CONTRACTS, Area.PRICES), "director", DIRECTOR);
		assertThat(candidates(openTask(instanceId), false)).containsExactly("centerDirector");
		assertThatThrownBy(() -> complete(instanceId, "deputy", "deputyDirector", Map.of(DECISION, "APPROVE")))
				.isInstanceOf(BadUserRequestException.class);

		deputyAreas.assign(Set.of(Area.PURCHASE_PLANS), "director", DIRECTOR);
		assertThat(candidates(openTask(instanceId), false)).containsExactlyInAnyOrder("centerDirector", "deputyDirector");
		String second = planAtTheDirector();
		assertThat(candidates(openTask(second), false)).as("a new task of the area").contains("deputyDirector");
		complete(instanceId, "deputy", "deputyDirector", Map.of(DECISION, "APPROVE"));
		ApprovalEvent decision = plans.history(plan(instanceId)).get(plans.history(plan(instanceId)).size() - 1);
		assertThat(decision.actor()).isEqualTo("deputy");
		assertThat(decision.onBehalfOf()).as("in the deputy's own right").isNull();
		assertThat(deputyAreas.changes()).extracting(DeputyAreas.Change::area).contains(Area.PURCHASE_PLANS, Area.CONTRACTS, Area.PRICES);

		assertThatThrownBy(() -> deputyAreas.assign(Set.of(Area.SHORTAGES), "deputy", Set.of("deputyDirector")))
				.hasMessageContaining("只有營銷中心主任");
	}

	@Test
	void aStandInHoldsTheSameRoleTheRoleAboveOrIsTheDeputyForTheDirector() {
		LocalDate today = LocalDate.now(clock);
		assertThatThrownBy(() -> standIns.appoint("director", "clerk1", today, today.plusDays(1), "director", DIRECTOR))
				.hasMessageContaining("不能代理");
		assertThatThrownBy(() -> standIns.appoint("director", "deputy", today.minusDays(1), today.plusDays(1), "director", DIRECTOR))
				.hasMessageContaining("過去");
		assertThatThrownBy(() -> standIns.appoint("director", "deputy", today, today.plusDays(100), "director", DIRECTOR))
				.hasMessageContaining("最長");
		assertThatThrownBy(() -> standIns.appoint("director", "deputy", today, today.plusDays(1), "supply", Set.of("supplyManager")))
				.hasMessageContaining("只能為自己");
		assertThat(standIns.appoint("brandhead", "director", today, today, "brandhead", Set.of("brandPlanningHead")).standIn())
				.as("the role above").isEqualTo("director");
		standIns.appoint("director", "executive", today.plusDays(3), today.plusDays(5), "director", DIRECTOR);
		assertThatThrownBy(() -> standIns.appoint("director", "deputy", today.plusDays(5), today.plusDays(6), "director", DIRECTOR))
				.hasMessageContaining("已有代理人");
		// the page offers by name just those who may stand in
		assertThat(standIns.candidatesFor("director")).containsEntry("deputy", "趙華").containsEntry("executive", "王建國")
				.doesNotContainKeys("director", "clerk1", "supply");
		assertThat(standIns.candidatesFor("clerk1")).containsKeys("clerk2", "seatlead").doesNotContainKeys("clerk1", "director");
	}

	@Test
	void thePageSetsAStandInAndTheDirectorItsDeputysAreas() throws Exception {
		LocalDate today = LocalDate.now(clock);
		mvc.perform(post("/stand-ins").with(user("director").authorities(() -> "centerDirector")).with(csrf())
				.param("standIn", "deputy").param("from", today.toString()).param("to", today.plusDays(1).toString()))
				.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("趙華")));
		mvc.perform(get("/stand-ins").with(user("director").authorities(() -> "centerDirector")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("代理中")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("副主任分管範圍")));
		mvc.perform(post("/deputy-areas").with(user("deputy").authorities(() -> "deputyDirector")).with(csrf()).param("area", "PRICES"))
				.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("只有營銷中心主任")));
		mvc.perform(post("/deputy-areas").with(user("director").authorities(() -> "centerDirector")).with(csrf()).param("area", "PRICES"))
				.andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("已更新")));
		assertThat(deputyAreas.assigned()).containsExactly(Area.PRICES);
	}
}
