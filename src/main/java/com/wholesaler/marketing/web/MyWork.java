package com.wholesaler.marketing.web;

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
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The open tasks a user may work on: assigned to them or offered to one of their groups. */
@Service
class MyWork {

	static final int SHOWN_TASKS = 20;

	private final TaskService taskService;
	private final RuntimeService runtimeService;
	private final RepositoryService repositoryService;

	MyWork(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
	}

	record OpenTask(String id, String name, String processName, String businessKey, Date created, Date due,
			String assignee) {
	}

	record ProcessCount(String processKey, String processName, long tasks) {
	}

	record Summary(List<ProcessCount> perProcess, List<OpenTask> newest, long total) {
	}

	Summary of(String userId, List<String> groupIds) {
		List<Task> tasks = taskService.createTaskQuery()
				.or().taskAssignee(userId).taskCandidateGroupIn(groupIds.isEmpty() ? List.of("-") : groupIds).endOr()
				.active()
				.orderByTaskCreateTime().desc()
				.list();
		Map<String, ProcessDefinition> definitions = new HashMap<>();
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		for (Task task : tasks) {
			ProcessDefinition definition = definitions.computeIfAbsent(task.getProcessDefinitionId(),
					repositoryService::getProcessDefinition);
			counts.merge(definition.getKey(), 1L, Long::sum);
			names.putIfAbsent(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
		}
		List<ProcessCount> perProcess = counts.entrySet().stream()
				.map(e -> new ProcessCount(e.getKey(), names.get(e.getKey()), e.getValue()))
				.toList();
		List<Task> shown = tasks.stream().limit(SHOWN_TASKS).toList();
		Map<String, String> businessKeys = businessKeys(shown.stream().map(Task::getProcessInstanceId)
				.collect(Collectors.toSet()));
		List<OpenTask> newest = shown.stream()
				.map(t -> new OpenTask(t.getId(), t.getName(), names.get(definitions.get(t.getProcessDefinitionId()).getKey()),
						businessKeys.get(t.getProcessInstanceId()), t.getCreateTime(), t.getDueDate(), t.getAssignee()))
				.toList();
		return new Summary(perProcess, newest, tasks.size());
	}

	private Map<String, String> businessKeys(Set<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return Map.of();
		}
		Map<String, String> keys = new HashMap<>();
		for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
				.processInstanceIds(processInstanceIds).list()) {
			keys.put(instance.getId(), instance.getBusinessKey());
		}
		return keys;
	}
}
