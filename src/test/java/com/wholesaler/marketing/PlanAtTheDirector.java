package com.wholesaler.marketing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** A purchase plan started, submitted and approved by the check and the planning head: waiting for the director. */
public final class PlanAtTheDirector {

	private PlanAtTheDirector() {
	}

	/** Returns the process instance id. */
	public static String start(RuntimeService runtime, TaskService tasks, IdentityService identity, String note) {
		String id = ActingUsers.as(identity, "supply", List.of("supplyManager"), () -> runtime.startProcessInstanceByKey(
				"purchasePlanApproval", Map.of("period", YearMonth.now().plusMonths(1).toString(), "note", note))).getId();
		complete(tasks, identity, id, "supply", "supplyManager", Map.of("draftAction", "SUBMIT", "submitNote", "請審核"));
		complete(tasks, identity, id, "genadmin", "generalAdmin", Map.of("decision", "APPROVE", "comment", "已核對庫存"));
		complete(tasks, identity, id, "brandhead", "brandPlanningHead", Map.of("decision", "APPROVE", "comment", "品牌結構合理"));
		return id;
	}

	private static void complete(TaskService tasks, IdentityService identity, String instanceId, String user, String group,
			Map<String, Object> variables) {
		String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		ActingUsers.as(identity, user, List.of(group), () -> tasks.complete(taskId, variables));
	}
}
