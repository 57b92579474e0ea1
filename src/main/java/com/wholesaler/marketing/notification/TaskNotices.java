package com.wholesaler.marketing.notification;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.EveryUserTask;

/**
 * What the center's work tells people: a new task tells those it is offered to (and its role's group
 * chat), an overdue reminder or an escalation tells those who hold the case's open task now, a
 * return tells the case's drafter. Written in the same transaction as what caused it.
 */
@Component
class TaskNotices {

	private final Notifications notifications;
	private final Recipients recipients;
	private final TaskService taskService;
	private final RuntimeService runtimeService;
	private final RepositoryService repositoryService;

	TaskNotices(Notifications notifications, Recipients recipients, TaskService taskService, RuntimeService runtimeService,
			RepositoryService repositoryService) {
		this.notifications = notifications;
		this.recipients = recipients;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
	}

	/** As a task is created, after it was offered to stand-ins and the deputy. */
	void newTask(DelegateTask task) {
		String caseNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		String process = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getName();
		String subject = "【新任務】%s · %s".formatted(task.getName(), caseNumber == null ? process : caseNumber);
		String body = "%s：%s 等待處理%s。".formatted(process, task.getName(), task.getDueDate() == null ? "" : "，請於 %s 前完成".formatted(format(task)));
		String link = "/camunda/app/tasklist/default/#/?task=" + task.getId();
		List<IdentityLink> links = new ArrayList<>(task.getCandidates());
		notifications.tell(recipients.of(task.getAssignee(), links), NotificationKind.NEW_TASK, subject, body,
				link);
		if (task.getAssignee() == null) {
			links.stream().map(IdentityLink::getGroupId).filter(g -> g != null).distinct()
					.forEach(g -> notifications.tellGroup(g, NotificationKind.NEW_TASK, subject, body, link));
		}
	}

	@EventListener
	void recorded(ApprovalSheet.Recorded entry) {
		NotificationKind kind = switch (entry.type()) {
			case REMIND -> NotificationKind.REMINDER;
			case URGE -> NotificationKind.URGE;
			case ESCALATE -> NotificationKind.ESCALATION;
			default -> null;
		};
		if (kind == null) {
			return;
		}
		for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(entry.caseNumber()).list()) {
			notifications.tell(recipients.of(task.getAssignee(), taskService.getIdentityLinksForTask(task.getId())), kind,
					"【%s】%s · %s".formatted(kind.chineseName(), task.getName(), entry.caseNumber()),
					entry.comment() == null ? task.getName() : entry.comment(), "/camunda/app/tasklist/default/#/?task=" + task.getId());
		}
	}

	@EventListener
	void returned(ApprovalCore.Returned returned) {
		if (returned.drafter() == null) {
			return;
		}
		notifications.tell(List.of(returned.drafter()), NotificationKind.RETURNED,
				"【退回修改】%s %s".formatted(returned.caseName(), returned.caseNumber()),
				"%s 退回了您的%s %s：%s".formatted(returned.decidedBy(), returned.caseName(), returned.caseNumber(), returned.comment()),
				"/camunda/app/tasklist/default/");
	}

	private static String format(DelegateTask task) {
		SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm");
		f.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
		return f.format(task.getDueDate());
	}

	/** Adds {@link #newTask} to every user task, after the other create listeners (the offers to stand-ins first). */
	@Component
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class OnTaskCreation extends AbstractProcessEnginePlugin {
		private final ObjectProvider<TaskNotices> notices;

		OnTaskCreation(ObjectProvider<TaskNotices> notices) {
			this.notices = notices;
		}

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			EveryUserTask.onCreate(configuration, task -> notices.getObject().newTask(task));
		}
	}
}
