package com.wholesaler.marketing.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each role's group may do in the engine, as one table: the application owns the grants of the
 * role groups and of the integration group, and sets them to exactly this at every start (a grant
 * widened by hand in Admin is narrowed again). Work on tasks is granted per task, to its candidates,
 * when the task is created (approval.RoleTaskPermissions); what no grant can express (which fields a
 * task takes, hand-over inside the role, instance surgery) is approval.EngineApiGuard's.
 */
public final class RoleGrants {

	public static final String ALL_RESOURCES = "*";

	/** One grant: a group may do these things with this resource (or all of its kind: "*"). */
	public record Grant(String groupId, Resource resource, String resourceId) {
	}

	private final Map<Grant, Set<Permission>> grants = new LinkedHashMap<>();

	/** The grants of this application's roles, their process starters and the integration accounts. */
	public static RoleGrants of(Map<String, List<Role>> starters, List<String> messageReceivers) {
		RoleGrants table = new RoleGrants();
		for (Role role : Role.values()) {
			String group = role.groupId();
			table.add(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			table.add(group, Resources.APPLICATION, "welcome", Permissions.ACCESS);
			// Tasklist shows who holds a task and the diagram of the process it belongs to.
			table.add(group, Resources.USER, ALL_RESOURCES, Permissions.READ);
			table.add(group, Resources.GROUP, ALL_RESOURCES, Permissions.READ);
			table.add(group, Resources.PROCESS_DEFINITION, ALL_RESOURCES, Permissions.READ);
		}
		starters.forEach((processKey, roles) -> roles.forEach(role -> {
			table.add(role.groupId(), Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
			table.add(role.groupId(), Resources.PROCESS_INSTANCE, ALL_RESOURCES, Permissions.CREATE);
		}));

		// Process owners deploy and read; they neither work business tasks nor change running cases.
		String owner = Role.PROCESS_OWNER.groupId();
		table.add(owner, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		table.add(owner, Resources.DEPLOYMENT, ALL_RESOURCES, Permissions.CREATE, Permissions.READ);
		table.add(owner, Resources.PROCESS_DEFINITION, ALL_RESOURCES, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
		table.add(owner, Resources.DECISION_DEFINITION, ALL_RESOURCES, Permissions.READ, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE);
		table.add(owner, Resources.DECISION_REQUIREMENTS_DEFINITION, ALL_RESOURCES, Permissions.READ);
		for (Resource read : List.of(Resources.PROCESS_INSTANCE, Resources.TASK, Resources.BATCH, Resources.REPORT,
				Resources.DASHBOARD)) {
			table.add(owner, read, ALL_RESOURCES, Permissions.READ);
		}
		table.add(owner, Resources.HISTORIC_TASK, ALL_RESOURCES, HistoricTaskPermissions.READ);
		table.add(owner, Resources.HISTORIC_PROCESS_INSTANCE, ALL_RESOURCES, HistoricProcessInstancePermissions.READ);
		table.add(owner, Resources.OPERATION_LOG_CATEGORY, ALL_RESOURCES, UserOperationLogCategoryPermissions.READ);

		// The engine lets only UPDATE_INSTANCE correlate a message; EngineApiGuard keeps the rest of it
		// (modification, variables, jobs) from the integration accounts.
		for (String processKey : messageReceivers) {
			table.add(Role.INTEGRATION, Resources.PROCESS_DEFINITION, processKey,
					Permissions.READ, Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
		}
		return table;
	}

	private void add(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Set<Permission> set = grants.computeIfAbsent(new Grant(groupId, resource, resourceId), g -> new LinkedHashSet<>());
		Collections.addAll(set, permissions);
	}

	public Map<Grant, Set<Permission>> all() {
		return Collections.unmodifiableMap(grants);
	}

	/**
	 * Whether the table speaks for this grant of a managed group: not the grants the engine gives a
	 * task's candidates on that task, nor the Tasklist filters' (identity.TasklistFilters).
	 */
	public static boolean owns(Grant grant) {
		if (grant.resource() == null || grant.resource().resourceType() == Resources.FILTER.resourceType()) {
			return false;
		}
		boolean perTask = grant.resource().resourceType() == Resources.TASK.resourceType()
				|| grant.resource().resourceType() == Resources.HISTORIC_TASK.resourceType();
		return !perTask || ALL_RESOURCES.equals(grant.resourceId());
	}

	/** The groups whose grants this table owns. */
	public static Set<String> managedGroups() {
		Set<String> groups = new LinkedHashSet<>();
		for (Role role : Role.values()) {
			groups.add(role.groupId());
		}
		groups.add(Role.INTEGRATION);
		return groups;
	}
}
