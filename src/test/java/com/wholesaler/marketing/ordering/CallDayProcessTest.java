package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.ordering.CallDayProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.TasklistForm;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * Every path of daily-call-list.bpmn on days of 2027 (the engine's clock moved there, so the demo
 * routes of that weekday make the lists whatever day the suite runs): the day filed by every clerk
 * and checked, a clerk who never files, a holiday and a second run the same day.
 */
@IntegrationTest
class CallDayProcessTest {

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
	CallDays days;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	private ProcessInstance morningOf(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(7, 30).atZone(BusinessTime.ZONE).toInstant()));
		return runtimeService.startProcessInstanceByKey(PROCESS_ID);
	}

	private Task dayOf(ProcessInstance instance, String clerk) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_CALL_AND_LOG).taskAssignee(clerk)
				.singleResult();
	}

	private void complete(Task task, String user, String group, Map<String, Object> answers) {
		ActingUsers.as(identityService, user, List.of(group),
				() -> taskService.complete(task.getId(), TasklistForm.submission(engine, task.getId(), answers)));
	}

	private Job timer(ProcessInstance instance, String activityId) {
		return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
	}

	private void call(LocalDate day, String clerk, String outcome, int cartons, int seconds) {
		String retailer = jdbc.queryForObject("""
				SELECT MIN(e.retailer_code) FROM call_list_entry e WHERE e.call_date = ? AND e.clerk = ?
				AND NOT EXISTS (SELECT 1 FROM phone_order o WHERE o.retailer_code = e.retailer_code AND o.call_date = e.call_date)""",
				String.class, day, clerk);
		LocalDateTime start = day.atTime(9, 0);
		jdbc.update("""
				INSERT INTO phone_order (retailer_code, clerk, outcome, call_date, week_start, started_at, ended_at, payment_reminded,
				                         cartons, amount, recorded_at, call_seconds)
				VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, 0, ?, ?)""", retailer, clerk, outcome, day, day.minusDays(day.getDayOfWeek().getValue() - 1),
				Timestamp.valueOf(start), Timestamp.valueOf(start.plusSeconds(seconds)), cartons, Timestamp.valueOf(start), seconds);
	}

	@Test
	void aDayFiledByEveryClerkAndCheckedBySeatLeaderEnds() {
		LocalDate day = LocalDate.of(2027, 3, 3);
		ProcessInstance instance = morningOf(day);

		assertThat(instance).isWaitingAt(TASK_CALL_AND_LOG, EVENT_CHECK_TIME);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey())
				.isEqualTo("CL-20270303");
		assertThat(days.logs(day)).extracting(CallDays.WorkLog::clerk).containsExactly("clerk1", "clerk2");
		int onList = jdbc.queryForObject("SELECT COUNT(*) FROM call_list_entry WHERE call_date = ? AND clerk = 'clerk1'", Integer.class, day);
		int routesRetailers = jdbc.queryForObject("""
				SELECT COUNT(*) FROM retailer t JOIN route r ON r.code = t.route_code
				WHERE r.order_weekday = 3 AND r.clerk = 'clerk1' AND t.status = 'ACTIVE'""", Integer.class);
		assertThat(onList).isEqualTo(routesRetailers).isPositive();

		call(day, "clerk1", "CONNECTED", 12, 95);
		call(day, "clerk1", "NO_ANSWER", 0, 30);
		call(day, "clerk1", "HUNG_UP", 0, 40);
		Task clerk1 = dayOf(instance, "clerk1");
		assertThat(clerk1.getName()).isEqualTo("完成今日訪銷並提交工作日誌");
		assertThat(taskService.getVariableLocal(clerk1.getId(), "daySummary")).asString().contains("clerk1").contains(String.valueOf(onList));

		assertThatThrownBy(() -> complete(clerk1, "clerk2", "phoneClerk", Map.of(REMARKS, "代填")))
				.hasMessageContaining("已由 clerk1 認領");
		ActingUsers.as(identityService, "clerk1", List.of("phoneClerk"), () -> taskService.setAssignee(clerk1.getId(), "clerk2"));
		assertThatThrownBy(() -> complete(clerk1, "clerk2", "phoneClerk", Map.of(REMARKS, "代填")))
				.as("a day handed to a colleague is still the clerk's own log").hasMessageContaining("只有本人可以提交");
		ActingUsers.as(identityService, "clerk2", List.of("phoneClerk"), () -> taskService.setAssignee(clerk1.getId(), "clerk1"));
		assertThatThrownBy(() -> complete(clerk1, "clerk1", "phoneClerk", new HashMap<>()))
				.hasMessageContaining("未訪銷").hasMessageContaining(String.valueOf(onList - 3));
		assertThat(days.log(day, "clerk1").orElseThrow().filed()).isFalse();

		complete(clerk1, "clerk1", "phoneClerk", Map.of(REMARKS, "下午系統慢，其餘客戶改在明天補訪"));
		CallDays.WorkLog filed = days.log(day, "clerk1").orElseThrow();
		assertThat(filed.filed()).isTrue();
		assertThat(filed.figures()).isEqualTo(new CallDays.DayFigures(onList, 3, 2, 1, 12, 165));
		assertThat(filed.remarks()).isEqualTo("下午系統慢，其餘客戶改在明天補訪");
		assertThat(instance).isWaitingAt(TASK_CALL_AND_LOG, EVENT_CHECK_TIME);

		Task clerk2 = dayOf(instance, "clerk2");
		complete(clerk2, "clerk2", "phoneClerk", Map.of(REMARKS, "客戶多，未訪完"));
		assertThat(days.log(day, "clerk2").orElseThrow().remarks()).isEqualTo("客戶多，未訪完");
		assertThat(instance).isWaitingAt(EVENT_CHECK_TIME);

		assertThat(timer(instance, EVENT_CHECK_TIME).getDuedate())
				.isEqualTo(Date.from(day.atTime(17, 30).atZone(BusinessTime.ZONE).toInstant()));
		managementService.executeJob(timer(instance, EVENT_CHECK_TIME).getId());
		assertThat(instance).isWaitingAt(TASK_CHECK_DAY);
		Task check = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(taskService.getVariableLocal(check.getId(), "checkSummary")).asString().contains("0 人尚未提交");
		assertThatThrownBy(() -> complete(check, "seatlead", "seatLeader", new HashMap<>())).hasMessageContaining("檢查意見");

		complete(check, "seatlead", "seatLeader", Map.of(CHECK_REMARKS, "日誌齊全"));
		assertThat(instance).isEnded().hasPassed(EVENT_DAY_CLOSED);
		CallDays.DayCheck dayCheck = days.check(day).orElseThrow();
		assertThat(dayCheck.checkedBy()).isEqualTo("seatlead");
		assertThat(dayCheck.logsMissing()).isZero();
	}

	@Test
	void aLogNotFiledByTheNextMorningIsClosedAndShownToTheSeatLeader() {
		LocalDate day = LocalDate.of(2027, 3, 4);
		ProcessInstance instance = morningOf(day);
		complete(dayOf(instance, "clerk1"), "clerk1", "phoneClerk", Map.of(REMARKS, "線路客戶已改期"));

		managementService.executeJob(timer(instance, EVENT_CHECK_TIME).getId());
		Task check = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_CHECK_DAY).singleResult();
		assertThat(taskService.getVariableLocal(check.getId(), "checkSummary")).asString().contains("1 人尚未提交");
		assertThat(taskService.getVariableLocal(check.getId(), "dayLogs")).asString().contains("clerk2").contains("未提交");
		complete(check, "seatlead", "seatLeader", Map.of(CHECK_REMARKS, "已督促 clerk2 補交"));
		assertThat(days.check(day).orElseThrow().logsMissing()).isEqualTo(1);
		assertThat(instance).isWaitingAt(TASK_CALL_AND_LOG);

		Job nextMorning = timer(instance, EVENT_NEXT_MORNING);
		assertThat(nextMorning.getDuedate()).isEqualTo(Date.from(day.plusDays(1).atTime(7, 0).atZone(BusinessTime.ZONE).toInstant()));
		managementService.executeJob(nextMorning.getId());
		assertThat(instance).isEnded().hasPassed(EVENT_NEXT_MORNING, EVENT_DAY_CLOSED);
		assertThat(days.log(day, "clerk2").orElseThrow().filed()).isFalse();
	}

	@Test
	void aHolidayOrASecondRunTheSameDayMakesNoLists() {
		ProcessInstance holiday = morningOf(LocalDate.of(2027, 10, 1));
		assertThat(holiday).isEnded().hasPassed(EVENT_NO_CALLS);
		assertThat(days.logs(LocalDate.of(2027, 10, 1))).isEmpty();

		LocalDate day = LocalDate.of(2027, 3, 5);
		ProcessInstance first = morningOf(day);
		int entries = jdbc.queryForObject("SELECT COUNT(*) FROM call_list_entry WHERE call_date = ?", Integer.class, day);
		ProcessInstance second = morningOf(day);
		assertThat(second).isEnded().hasPassed(EVENT_NO_CALLS);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM call_list_entry WHERE call_date = ?", Integer.class, day)).isEqualTo(entries);
		assertThat(taskService.createTaskQuery().processInstanceId(first.getId()).count()).isEqualTo(2);
		runtimeService.deleteProcessInstance(first.getId(), "test");
	}

	@Test
	void theMorningTimerMakesTheDay() {
		LocalDate day = LocalDate.of(2027, 3, 8);
		ClockUtil.setCurrentTime(Date.from(day.atTime(7, 30).atZone(BusinessTime.ZONE).toInstant()));
		Job morning = managementService.createJobQuery().processDefinitionKey(PROCESS_ID).activityId("Event_WorkingMorning").singleResult();
		managementService.executeJob(morning.getId());
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CL-20270308").singleResult();
		assertThat(instance).isWaitingAt(TASK_CALL_AND_LOG, EVENT_CHECK_TIME);
		runtimeService.deleteProcessInstance(instance.getId(), "test");
	}
}
