package com.wholesaler.marketing.desk;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.People;
import com.wholesaler.marketing.identity.Role;

/**
 * 催辦: the director (the deputy, the executive) urges whoever holds an overdue task. The urge is entered on
 * the case's approval sheet, which tells the holders (notifications, kind 催辦).
 */
@Service
public class Urges {

	public static final Set<Role> URGERS = EnumSet.of(Role.CENTER_DIRECTOR, Role.DEPUTY_DIRECTOR, Role.EXECUTIVE);

	/** The open task's step as the sheet records it: its id and name in the model. */
	private record TaskStep(String name, Definition definition) implements ApprovalStep {
	}

	private final TaskService tasks;
	private final RuntimeService runtime;
	private final ApprovalSheet sheet;
	private final People people;
	private final Clock clock;

	Urges(TaskService tasks, RuntimeService runtime, ApprovalSheet sheet, People people, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.sheet = sheet;
		this.people = people;
		this.clock = clock;
	}

	/** Returns the case number urged. */
	@Transactional
	public String urge(String taskId, String by, Set<String> groups) {
		if (URGERS.stream().noneMatch(r -> groups.contains(r.groupId()))) {
			throw new ActionForbidden("只有營銷中心主任、副主任和分管領導可以催辦 (only the directors urge)");
		}
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new BusinessRuleException("任務已辦結或不存在 (no such open task)");
		}
		if (task.getDueDate() == null || !task.getDueDate().toInstant().isBefore(clock.instant())) {
			throw new BusinessRuleException("「%s」尚未逾期，無需催辦 (not overdue)".formatted(task.getName()));
		}
		String caseNumber = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
		if (caseNumber == null) {
			throw new BusinessRuleException("「%s」沒有案件編號，無法記入審批單 (no case number)".formatted(task.getName()));
		}
		sheet.record(caseNumber, new TaskStep(task.getTaskDefinitionKey(), ApprovalStep.Definition.doneBy(task.getName(), null)),
				ApprovalEventType.URGE, "%s 催辦「%s」".formatted(people.name(by), task.getName()), by);
		return caseNumber;
	}
}
