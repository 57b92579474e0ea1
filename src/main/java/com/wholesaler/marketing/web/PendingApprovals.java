package com.wholesaler.marketing.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.CasePages;
import com.wholesaler.marketing.approval.EngineApiGuard;
import com.wholesaler.marketing.approval.FormSchema;

/**
 * What waits for the signed-in approver, with the figures that decide it: the decisions of the
 * reviews and approvals, and the acknowledgements (知悉) to confirm. Read from the tasks the engine
 * offers the user and from what each task's form shows (the task display listeners' variables).
 */
@Service
public class PendingApprovals {

	/** Task variables that say what a case is about, by process, as the forms show them. */
	private static final List<String> SUMMARIES = List.of("planTotals", "contractSummary", "amendmentSummary", "proposalSummary", "caseSummary",
			"targetSummary", "exceptionSummary");
	private static final List<String> HINTS = List.of("lastReturnComment", "urgentHint", "proposalRefusal");

	private final TaskService taskService;
	private final EngineApiGuard guard;
	private final RepositoryService repositoryService;
	private final RuntimeService runtimeService;
	private final ObjectMapper json;

	PendingApprovals(TaskService taskService, EngineApiGuard guard, RepositoryService repositoryService, RuntimeService runtimeService,
			ObjectMapper json) {
		this.taskService = taskService;
		this.guard = guard;
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.json = json;
	}

	public record Pending(String taskId, String stepName, String processName, String caseNumber, String caseUrl, Date created, Date due,
			String summary, List<String> figures, String hint, Map<String, String> decisions) {

		public boolean overdue() {
			return due != null && due.before(new Date());
		}
	}

	public record Work(List<Pending> decisions, List<Pending> acknowledgements) {
	}

	public Work of(String userId) {
		List<Pending> decisions = new ArrayList<>();
		List<Pending> acknowledgements = new ArrayList<>();
		for (Task task : taskService.createTaskQuery().taskCandidateUser(userId).includeAssignedTasks().initializeFormKeys()
				.orderByTaskCreateTime().asc().listPage(0, 200)) {
			if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
				continue;
			}
			FormSchema form = form(task);
			Map<String, String> choices = form.choices("decision");
			if (!choices.isEmpty() && (task.getTaskDefinitionKey().startsWith("Task_Review") || task.getTaskDefinitionKey().startsWith("Task_Approve"))) {
				decisions.add(pending(task, choices));
			}
			else if (form.keys().contains("acknowledged") && form.keys().size() <= 8) {
				acknowledgements.add(pending(task, Map.of()));
			}
		}
		return new Work(decisions, acknowledgements);
	}

	/** The options a task's form offers for its decision, so a page sends only what Tasklist would. */
	public Map<String, String> decisionsOf(String taskId) {
		Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
		return task == null ? Map.of() : form(task).choices("decision");
	}

	private Pending pending(Task task, Map<String, String> decisions) {
		Map<String, Object> shown = taskService.getVariablesLocal(task.getId());
		String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
		String processName = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getName();
		String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
		String summary = SUMMARIES.stream().map(shown::get).filter(v -> v != null).map(Object::toString).findFirst().orElse("");
		String hint = HINTS.stream().map(shown::get).filter(v -> v != null && !v.toString().isBlank()).map(Object::toString).findFirst().orElse(null);
		return new Pending(task.getId(), task.getName(), processName == null ? processKey : processName, caseNumber, CasePages.url(processKey, caseNumber),
				task.getCreateTime(), task.getDueDate(), summary, figures(shown.get("biggestChanges")), hint, decisions);
	}

	/** The plan's biggest changes against the suggestion, three at most: what a reviewer looks at first. */
	private List<String> figures(Object biggestChanges) {
		List<String> figures = new ArrayList<>();
		if (biggestChanges == null) {
			return figures;
		}
		try {
			JsonNode rows = json.readTree(biggestChanges.toString());
			for (JsonNode row : rows) {
				if (figures.size() == 3) {
					break;
				}
				figures.add("%s：建議 %s → 計畫 %s（%s）".formatted(row.path("product").asText(), row.path("suggested").asText(),
						row.path("planned").asText(), row.path("change").asText()));
			}
		}
		catch (IOException e) {
			// a table the page cannot read is left out; the case page has it all
		}
		return figures;
	}

	private FormSchema form(Task task) {
		return guard.formOf(task.getId());
	}
}
