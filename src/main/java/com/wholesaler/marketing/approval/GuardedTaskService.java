package com.wholesaler.marketing.approval;

import java.util.Map;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's task service, with EngineApiGuard's checks before each change a caller may ask for. */
class GuardedTaskService extends TaskServiceImpl {

	private final EngineApiGuard guard;

	GuardedTaskService(EngineApiGuard guard) {
		this.guard = guard;
	}

	@Override
	public void complete(String taskId) {
		complete(taskId, null);
	}

	@Override
	public void complete(String taskId, Map<String, Object> variables) {
		guard.completing(commandExecutor, taskId, variables, new CompleteTaskCmd(taskId, variables, false, false));
	}

	@Override
	public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
		return guard.completing(commandExecutor, taskId, variables, new CompleteTaskCmd(taskId, variables, true, deserializeValues));
	}

	@Override
	public void claim(String taskId, String userId) {
		guard.checkHandOver(taskId, userId);
		super.claim(taskId, userId);
	}

	@Override
	public void setAssignee(String taskId, String userId) {
		guard.checkHandOver(taskId, userId);
		super.setAssignee(taskId, userId);
	}

	@Override
	public void setOwner(String taskId, String userId) {
		guard.checkHandOver(taskId, userId);
		super.setOwner(taskId, userId);
	}

	@Override
	public void addCandidateUser(String taskId, String userId) {
		guard.checkHandOver(taskId, userId);
		super.addCandidateUser(taskId, userId);
	}

	@Override
	public void addUserIdentityLink(String taskId, String userId, String identityLinkType) {
		guard.checkHandOver(taskId, userId);
		super.addUserIdentityLink(taskId, userId, identityLinkType);
	}

	@Override
	public void deleteCandidateUser(String taskId, String userId) {
		guard.checkHandOver(taskId, null);
		super.deleteCandidateUser(taskId, userId);
	}

	@Override
	public void deleteUserIdentityLink(String taskId, String userId, String identityLinkType) {
		guard.checkHandOver(taskId, null);
		super.deleteUserIdentityLink(taskId, userId, identityLinkType);
	}

	@Override
	public void addCandidateGroup(String taskId, String groupId) {
		guard.checkCandidateGroupChange(taskId);
		super.addCandidateGroup(taskId, groupId);
	}

	@Override
	public void addGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
		guard.checkCandidateGroupChange(taskId);
		super.addGroupIdentityLink(taskId, groupId, identityLinkType);
	}

	@Override
	public void deleteCandidateGroup(String taskId, String groupId) {
		guard.checkCandidateGroupChange(taskId);
		super.deleteCandidateGroup(taskId, groupId);
	}

	@Override
	public void deleteGroupIdentityLink(String taskId, String groupId, String identityLinkType) {
		guard.checkCandidateGroupChange(taskId);
		super.deleteGroupIdentityLink(taskId, groupId, identityLinkType);
	}
}
