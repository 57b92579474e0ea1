package com.wholesaler.marketing.approval;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * What the candidates and the assignee of a task may do with it: read it, work it (claim,
 * complete) and hand it over (which EngineApiGuard keeps inside the role). Not the engine's default
 * UPDATE, which also writes the task's variables, adds candidate groups and edits the task.
 */
class RoleTaskPermissions extends DefaultAuthorizationProvider {

	@Override
	protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
		List<Permission> permissions = List.of(Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN);
		if (enforceSpecificVariablePermission) {
			return List.of(Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN, TaskPermissions.READ_VARIABLE)
					.toArray(Permission[]::new);
		}
		return permissions.toArray(Permission[]::new);
	}
}
