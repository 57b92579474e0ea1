package com.wholesaler.marketing.purchaseplan;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** The one plan task that is open while a timer of the plan fires. */
final class OpenReview {

	private OpenReview() {
	}

	static Task of(TaskService taskService, DelegateExecution execution) {
		return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
				.active().list().stream()
				.filter(t -> PurchasePlanProcess.STEP_BY_TASK.containsKey(t.getTaskDefinitionKey()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no open plan task in " + execution.getProcessInstanceId()));
	}
}
