package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * Starts through the REST API (POST .../start) carry variables, start instructions and "skip the
 * listeners": a caller starts a case as its start form does, from the start event, with its
 * listeners, and with the start form's fields only.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

	private final EngineApiGuard guard;

	GuardedRuntimeService(EngineApiGuard guard) {
		this.guard = guard;
	}

	@Override
	public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
		GuardedInstantiation builder = new GuardedInstantiation(this);
		builder.byId(processDefinitionId);
		return builder;
	}

	@Override
	public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
		GuardedInstantiation builder = new GuardedInstantiation(this);
		builder.byKey(processDefinitionKey);
		return builder;
	}

	private class GuardedInstantiation extends ProcessInstantiationBuilderImpl {

		GuardedInstantiation(GuardedRuntimeService service) {
			super(service.getCommandExecutor());
		}

		void byId(String id) {
			processDefinitionId = id;
		}

		void byKey(String key) {
			processDefinitionKey = key;
		}

		@Override
		public ProcessInstanceWithVariables executeWithVariablesInReturn(boolean skipCustomListeners, boolean skipIoMappings) {
			guard.caller().ifPresent(caller -> {
				if (skipCustomListeners || skipIoMappings || !getModificationBuilder().getModificationOperations().isEmpty()) {
					throw EngineApiGuard.refusal("流程只能從開始事件發起，不能跳過步驟或監聽器 (a case starts at its start event, with its listeners)");
				}
				guard.checkStart(processDefinitionId, processDefinitionKey, getVariables());
			});
			return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
		}
	}
}
