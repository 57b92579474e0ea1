package com.wholesaler.marketing.desk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.CasePages;
import com.wholesaler.marketing.approval.People;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;

/**
 * 檢查本部門各項工作完成情況: the work open now across the center — how many tasks wait at each step of each
 * process and how many of them are overdue, and the tasks waiting longest, overdue first, with who holds them.
 */
@Service
public class OpenWork {

	/** The open tasks of one step of one process. */
	public record StepLoad(String processKey, String processName, String stepKey, String stepName, long open, long overdue, double oldestDays) {
	}

	/** One open task as the desk lists it. */
	public record Waiting(String taskId, String processKey, String processName, String stepName, String caseNumber, String caseUrl, String holder,
			LocalDateTime created, LocalDateTime due, double ageDays, boolean overdue) {
	}

	private final JdbcClient jdbc;
	private final TaskService tasks;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final People people;
	private final ProcessNames processNames;
	private final Clock clock;

	OpenWork(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, RepositoryService repository, People people, ProcessNames processNames,
			Clock clock) {
		this.processNames = processNames;
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.people = people;
		this.clock = clock;
	}

	/**
	 * Open tasks per process and step, the steps with overdue tasks first. Counted in the engine's task
	 * table in one grouped query: the task API would fetch every task to count them.
	 */
	public List<StepLoad> byStep() {
		java.time.Instant now = clock.instant();
		Map<String, String> names = processNames.byKey();
		return jdbc.sql("""
				SELECT d.KEY_ AS process_key, t.TASK_DEF_KEY_ AS step_key, MIN(t.NAME_) AS step_name, COUNT(*) AS open_tasks,
				       SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue, MIN(t.CREATE_TIME_) AS oldest
				FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
				GROUP BY d.KEY_, t.TASK_DEF_KEY_
				ORDER BY SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END) DESC, COUNT(*) DESC, d.KEY_, t.TASK_DEF_KEY_""")
				.param("now", Timestamp.from(now))
				.query((rs, n) -> new StepLoad(rs.getString("process_key"), names.getOrDefault(rs.getString("process_key"), rs.getString("process_key")),
						rs.getString("step_key"), rs.getString("step_name"), rs.getLong("open_tasks"), rs.getLong("overdue"),
						days(rs.getTimestamp("oldest").toInstant(), now)))
				.list();
	}

	/** The tasks waiting longest: the overdue ones first (the most overdue first), then the oldest. */
	public List<Waiting> longest(int most) {
		Date now = Date.from(clock.instant());
		List<Task> found = new ArrayList<>(tasks.createTaskQuery().dueBefore(now).orderByDueDate().asc().listPage(0, most));
		if (found.size() < most) {
			Set<String> seen = found.stream().map(Task::getId).collect(Collectors.toSet());
			for (Task t : tasks.createTaskQuery().orderByTaskCreateTime().asc().listPage(0, most)) {
				if (found.size() < most && seen.add(t.getId())) {
					found.add(t);
				}
			}
		}
		Map<String, String> names = processNames.byKey();
		Map<String, String> keys = new HashMap<>();
		Map<String, String> businessKeys = new HashMap<>();
		Set<String> instances = found.stream().map(Task::getProcessInstanceId).filter(i -> i != null).collect(Collectors.toSet());
		if (!instances.isEmpty()) {
			for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
				businessKeys.put(pi.getId(), pi.getBusinessKey());
			}
		}
		Map<String, String> holders = new LinkedHashMap<>();
		Set<String> userIds = new java.util.HashSet<>();
		for (Task t : found) {
			String holder;
			if (t.getAssignee() != null) {
				holder = t.getAssignee();
				userIds.add(holder);
			}
			else {
				holder = tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).distinct()
						.map(g -> Role.ofGroupId(g).map(Role::chineseName).orElse(g)).collect(Collectors.joining("、"));
			}
			holders.put(t.getId(), holder);
		}
		Map<String, String> userNames = people.names(userIds);
		java.time.Instant at = clock.instant();
		List<Waiting> waiting = new ArrayList<>();
		for (Task t : found) {
			String processKey = keys.computeIfAbsent(t.getProcessDefinitionId(), id -> repository.getProcessDefinition(id).getKey());
			String caseNumber = businessKeys.get(t.getProcessInstanceId());
			LocalDateTime created = LocalDateTime.ofInstant(t.getCreateTime().toInstant(), BusinessTime.ZONE);
			LocalDateTime due = t.getDueDate() == null ? null : LocalDateTime.ofInstant(t.getDueDate().toInstant(), BusinessTime.ZONE);
			String holder = holders.get(t.getId());
			waiting.add(new Waiting(t.getId(), processKey, names.getOrDefault(processKey, processKey), t.getName(), caseNumber,
					CasePages.url(processKey, caseNumber), userNames.getOrDefault(holder, holder), created, due, days(t.getCreateTime().toInstant(), at),
					t.getDueDate() != null && t.getDueDate().toInstant().isBefore(at)));
		}
		return waiting;
	}


	static double days(java.time.Instant from, java.time.Instant to) {
		return Duration.between(from, to).toMinutes() / (60.0 * 24);
	}
}
