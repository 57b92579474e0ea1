package com.wholesaler.marketing.approval;

import java.util.Set;

import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;

import com.wholesaler.marketing.identity.Role;

/**
 * Engine commands that move a case past its steps or rewrite what its steps decided: starting in
 * the middle, modifying or restarting an instance, writing its or a task's variables, suspending,
 * deleting, running or re-dating its jobs, migrating it, signals, and answering a task with a BPMN
 * error or escalation instead of its form. From outside the engine only an administrator may
 * (Cockpit), whatever the grants say; messages also the integration accounts, which deliver what
 * the trading platform and the price authority send. Process owners migrate on the /models page.
 */
class AdministratorOnlyCommands extends CommandInterceptor {

	private static final Set<Class<?>> ADMINISTRATOR_ONLY = Set.of(
			StartProcessInstanceAtActivitiesCmd.class,
			ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
			ProcessInstanceModificationCmd.class, ProcessInstanceModificationBatchCmd.class,
			RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class,
			SetExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class, PatchExecutionVariablesCmd.class,
			SetVariablesToProcessInstancesBatchCmd.class,
			SetTaskVariablesCmd.class, RemoveTaskVariablesCmd.class, PatchTaskVariablesCmd.class,
			SuspendProcessInstanceCmd.class, ActivateProcessInstanceCmd.class,
			UpdateProcessInstancesSuspendStateCmd.class, UpdateProcessInstancesSuspendStateBatchCmd.class,
			SuspendProcessDefinitionCmd.class, ActivateProcessDefinitionCmd.class,
			DeleteProcessInstanceCmd.class, DeleteProcessInstancesCmd.class, DeleteProcessInstanceBatchCmd.class,
			ExecuteJobsCmd.class, SetJobDuedateCmd.class, SetJobRetriesCmd.class, SetJobPriorityCmd.class,
			DeleteJobCmd.class, DeleteJobsCmd.class, SuspendJobCmd.class, ActivateJobCmd.class,
			SuspendJobDefinitionCmd.class, ActivateJobDefinitionCmd.class, SetJobDefinitionPriorityCmd.class,
			MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class,
			SetProcessDefinitionVersionCmd.class,
			SignalCmd.class, SignalEventReceivedCmd.class,
			HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
			DelegateTaskCmd.class, ResolveTaskCmd.class, SaveTaskCmd.class,
			DeleteDeploymentCmd.class, DeleteProcessDefinitionsByIdsCmd.class, DeleteProcessDefinitionsByKeyCmd.class,
			CreateIncidentCmd.class, ResolveIncidentCmd.class);

	private static final Set<Class<?>> MESSAGES = Set.of(CorrelateMessageCmd.class, CorrelateAllMessageCmd.class,
			MessageEventReceivedCmd.class);

	private final EngineApiGuard guard;

	AdministratorOnlyCommands(EngineApiGuard guard) {
		this.guard = guard;
	}

	@Override
	public <T> T execute(Command<T> command) {
		boolean administratorOnly = ADMINISTRATOR_ONLY.contains(command.getClass());
		boolean message = MESSAGES.contains(command.getClass());
		if (administratorOnly || message) {
			guard.caller().filter(caller -> !caller.admin())
					.filter(caller -> !(message && caller.groups().contains(Role.INTEGRATION)))
					.ifPresent(caller -> {
						throw EngineApiGuard.refusal(message
								? "訊息由系統接口帳號傳入；會簽、批覆請在待辦任務中錄入 (messages come from the integration account; record it in the task)"
								: "此操作會改變流程的步驟或記錄，只有系統管理員可以在 Cockpit 中執行 (only an administrator may change a case this way)");
					});
		}
		return next.execute(command);
	}
}
