package com.wholesaler.marketing.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;


/**
 * The saved Tasklist filters every role starts with, in Chinese. "待我審批" lists the decision
 * steps: user tasks whose id starts with {@code Task_Review} or {@code Task_Approve}, read from
 * the deployed models each time they change.
 */
@Component
@Order(3)
public class TasklistFilters implements ApplicationRunner {

	public static final String MY_TASKS = "我的待辦";
	public static final String MY_GROUPS = "我的小組";
	public static final String TO_APPROVE = "待我審批";

	/** Stands for "no decision step deployed yet": an IN list may not be empty. */
	private static final String NO_DECISION_STEP = "Task_ReviewNone";

	private final FilterService filterService;
	private final TaskService taskService;
	private final RepositoryService repositoryService;
	private final AuthorizationService authorizationService;

	TasklistFilters(FilterService filterService, TaskService taskService, RepositoryService repositoryService,
			AuthorizationService authorizationService) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.authorizationService = authorizationService;
	}

	@Override
	public void run(ApplicationArguments args) {
		refresh();
	}

	public synchronized void refresh() {
		List<String> everyone = new ArrayList<>();
		List<String> approvers = new ArrayList<>();
		for (Role role : Role.values()) {
			everyone.add(role.groupId());
			if (role.isApprover()) {
				approvers.add(role.groupId());
			}
		}
		save(MY_TASKS, 1, "#2f6fb3", "指派給我的任務 (tasks assigned to me)",
				taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
		// offered to me: through my groups, or to me by name while I stand in for a colleague (代理)
		save(MY_GROUPS, 2, "#3c8d40", "我所在小組及代理的尚未認領任務 (unclaimed tasks of my groups and stand-ins)",
				taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}"), everyone);
		save(TO_APPROVE, 3, "#b5472f", "我所在小組及代理的審批任務 (approval steps of my groups and stand-ins)",
				taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
						.includeAssignedTasks()
						.taskDefinitionKeyIn(decisionStepKeys().toArray(String[]::new)),
				approvers);
	}

	/** Ids of the decision steps in the latest version of every deployed process. */
	List<String> decisionStepKeys() {
		TreeSet<String> keys = new TreeSet<>();
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId())
					.getModelElementsByType(UserTask.class)) {
				if (task.getId().startsWith("Task_Review") || task.getId().startsWith("Task_Approve")) {
					keys.add(task.getId());
				}
			}
		}
		if (keys.isEmpty()) {
			keys.add(NO_DECISION_STEP);
		}
		return new ArrayList<>(keys);
	}

	private void save(String name, int priority, String color, String description, TaskQuery query, List<String> readers) {
		Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst()
				.orElseGet(() -> filterService.newTaskFilter(name));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("priority", priority);
		properties.put("color", color);
		properties.put("description", description);
		properties.put("refresh", true);
		filter.setQuery(query);
		filter.setProperties(properties);
		filterService.saveFilter(filter);
		for (String groupId : readers) {
			boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
					.resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
			if (!granted) {
				Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
				authorization.setGroupId(groupId);
				authorization.setResource(Resources.FILTER);
				authorization.setResourceId(filter.getId());
				authorization.addPermission(Permissions.READ);
				authorizationService.saveAuthorization(authorization);
			}
		}
	}
}
