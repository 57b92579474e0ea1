package com.wholesaler.marketing.approval;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/** Tasklist submits start and task forms here: the deployed form is the list of what may be sent. */
class GuardedFormService extends FormServiceImpl {

	private final EngineApiGuard guard;

	GuardedFormService(EngineApiGuard guard) {
		this.guard = guard;
	}

	@Override
	public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
		guard.checkStart(processDefinitionId, null, properties);
		return super.submitStartForm(processDefinitionId, properties);
	}

	@Override
	public ProcessInstance submitStartForm(String processDefinitionId, String businessKey, Map<String, Object> properties) {
		guard.checkStart(processDefinitionId, null, properties);
		return super.submitStartForm(processDefinitionId, businessKey, properties);
	}

	@Override
	public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
		guard.checkStart(processDefinitionId, null, asObjects(properties));
		return super.submitStartFormData(processDefinitionId, properties);
	}

	@Override
	public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey, Map<String, String> properties) {
		guard.checkStart(processDefinitionId, null, asObjects(properties));
		return super.submitStartFormData(processDefinitionId, businessKey, properties);
	}

	@Override
	public void submitTaskForm(String taskId, Map<String, Object> properties) {
		guard.completing(commandExecutor, taskId, properties, new SubmitTaskFormCmd(taskId, properties, false, false));
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void submitTaskFormData(String taskId, Map<String, String> properties) {
		submitTaskForm(taskId, (Map) properties);
	}

	@Override
	public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
		return guard.completing(commandExecutor, taskId, properties, new SubmitTaskFormCmd(taskId, properties, true, deserializeValues));
	}

	private static Map<String, Object> asObjects(Map<String, String> properties) {
		return properties == null ? Map.of() : new HashMap<>(properties);
	}
}
