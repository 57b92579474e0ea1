package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;

/** The portal's own task list shows exactly what the engine's query shows the same user under authorization. */
@IntegrationTest
class MyWorkTest {

	@Autowired
	MyWork myWork;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	private List<Task> engineView(String user, List<String> groups) {
		identityService.setAuthentication(user, groups);
		try {
			return taskService.createTaskQuery().or().taskAssignee(user).taskCandidateGroupIn(groups).endOr().active().list();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void sameTasksAsTheEnginesAuthorizedQuery() {
		// some work of several roles: contracts to draft, one claimed, one suspended
		for (String m : List.of("M20", "M21", "M22")) {
			ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> runtimeService.startProcessInstanceByKey("contractSigning",
					Map.of("manufacturerCode", m, "period", YearMonth.now().plusMonths(1).toString(), "reason", "任務清單測試")));
		}
		List<Task> drafts = taskService.createTaskQuery().processDefinitionKey("contractSigning").taskDefinitionKey("Task_DraftContract")
				.orderByTaskCreateTime().desc().list();
		taskService.claim(drafts.get(0).getId(), "genadmin");
		runtimeService.suspendProcessInstanceById(drafts.get(1).getProcessInstanceId());

		Map<String, List<String>> users = new LinkedHashMap<>();
		users.put("genadmin", List.of("generalAdmin"));
		users.put("brandhead", List.of("brandPlanningHead"));
		users.put("director", List.of("centerDirector"));
		users.put("supply", List.of("supplyManager"));
		users.put("clerk1", List.of("phoneClerk"));
		for (Map.Entry<String, List<String>> u : users.entrySet()) {
			List<Task> engine = engineView(u.getKey(), u.getValue());
			MyWork.Summary portal = myWork.of(u.getKey(), u.getValue());
			assertThat(portal.total()).as(u.getKey() + ": how many").isEqualTo(engine.size());
			Map<String, Long> perProcess = engine.stream().collect(Collectors.groupingBy(
					t -> repositoryService.getProcessDefinition(t.getProcessDefinitionId()).getKey(), Collectors.counting()));
			assertThat(portal.perProcess().stream().collect(Collectors.toMap(MyWork.ProcessCount::processKey, MyWork.ProcessCount::tasks)))
					.as(u.getKey() + ": per process").isEqualTo(perProcess);
			List<String> newest = engine.stream().sorted(Comparator.comparing(Task::getCreateTime).reversed().thenComparing(Task::getId))
					.limit(MyWork.SHOWN_TASKS).map(Task::getId).toList();
			assertThat(portal.newest().stream().map(MyWork.OpenTask::id).toList()).as(u.getKey() + ": the newest page").isEqualTo(newest);
		}
		assertThat(myWork.of("genadmin", List.of("generalAdmin")).newest()).extracting(MyWork.OpenTask::id)
				.as("claimed by genadmin: shown").contains(drafts.get(0).getId())
				.as("suspended: not shown").doesNotContain(drafts.get(1).getId());
		assertThat(myWork.of("genadmin", List.of("generalAdmin")).newest()).filteredOn(t -> t.id().equals(drafts.get(2).getId()))
				.extracting(MyWork.OpenTask::businessKey).containsExactly(runtimeService.createProcessInstanceQuery()
						.processInstanceId(drafts.get(2).getProcessInstanceId()).singleResult().getBusinessKey());
		runtimeService.activateProcessInstanceById(drafts.get(1).getProcessInstanceId());
	}
}
