package com.wholesaler.marketing.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the roles as groups, the users, and what each role may do, at every start. Each step
 * checks before it writes, so a restart changes nothing that is already there.
 */
@Component
@Order(1)
class IdentitySetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
	private static final String ALL_RESOURCES = "*";

	private final IdentityService identityService;
	private final AuthorizationService authorizationService;
	private final IdentityProperties properties;

	IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
			IdentityProperties properties) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demoData() && (properties.admin() == null || isBlank(properties.admin().password()))) {
			throw new IllegalStateException("非演示模式必須設定管理員密碼: set MARKETING_ADMIN_PASSWORD "
					+ "(the administrator's password) or run with marketing.demo-data=true");
		}
		createGroups();
		grantRolePermissions();
		if (properties.demoData()) {
			DemoUser.ALL.forEach(u -> createUser(u.id(), u.familyName(), u.givenName(), DemoUser.PASSWORD, u.groupId()));
		}
		else {
			createUser(properties.admin().user(), "系統", "管理員", properties.admin().password(), Groups.CAMUNDA_ADMIN);
		}
	}

	private void createGroups() {
		for (Role role : Role.values()) {
			createGroup(role.groupId(), role.chineseName(), Groups.GROUP_TYPE_WORKFLOW);
		}
		createGroup(Groups.CAMUNDA_ADMIN, "系統管理員", Groups.GROUP_TYPE_SYSTEM);
	}

	private void createGroup(String id, String name, String type) {
		if (identityService.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = identityService.newGroup(id);
		group.setName(name);
		group.setType(type);
		identityService.saveGroup(group);
		log.info("Created group {} ({})", id, name);
	}

	/** The family name is stored as the engine's first name, so the webapps show it first. */
	private void createUser(String id, String familyName, String givenName, String password, String groupId) {
		if (identityService.createUserQuery().userId(id).count() == 0) {
			User user = identityService.newUser(id);
			user.setFirstName(familyName);
			user.setLastName(givenName);
			user.setPassword(password);
			user.setEmail(id + "@marketing.example");
			identityService.saveUser(user);
			log.info("Created user {} in group {}", id, groupId);
		}
		if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
			identityService.createMembership(id, groupId);
		}
	}

	private void grantRolePermissions() {
		for (Role role : Role.values()) {
			String group = role.groupId();
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.APPLICATION, "welcome", Permissions.ACCESS);
			// Tasklist shows who holds a task and the diagram of the process it belongs to.
			grant(group, Resources.USER, ALL_RESOURCES, Permissions.READ);
			grant(group, Resources.GROUP, ALL_RESOURCES, Permissions.READ);
			grant(group, Resources.PROCESS_DEFINITION, ALL_RESOURCES, Permissions.READ);
		}
		ProcessStarters.BY_PROCESS.forEach((processKey, roles) -> roles.forEach(role -> {
			grant(role.groupId(), Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
			grant(role.groupId(), Resources.PROCESS_INSTANCE, ALL_RESOURCES, Permissions.CREATE);
		}));

		// The price authority's decision arrives as a message, correlated under a general administrator's account.
		grant(Role.GENERAL_ADMIN.groupId(), Resources.PROCESS_DEFINITION, "priceAdjustment",
				Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);

		// The trading platform's countersignature arrives as a message, under a brand-planning head's account.
		grant(Role.BRAND_PLANNING_HEAD.groupId(), Resources.PROCESS_DEFINITION, "contractSigning",
				Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);

		String owner = Role.PROCESS_OWNER.groupId();
		grant(owner, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		for (Resource resource : List.of(Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
				Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.BATCH,
				Resources.TASK, Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE,
				Resources.OPERATION_LOG_CATEGORY, Resources.REPORT, Resources.DASHBOARD)) {
			grant(owner, resource, ALL_RESOURCES, Permissions.ALL);
		}
		for (Resources resource : Resources.values()) {
			grant(Groups.CAMUNDA_ADMIN, resource, ALL_RESOURCES, Permissions.ALL);
		}
	}

	/** Adds the permissions to the group's grant on the resource, creating the grant if needed. */
	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizationService.createAuthorizationQuery()
				.groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
				.authorizationType(AUTH_TYPE_GRANT).list().stream().findFirst().orElse(null);
		boolean changed = false;
		if (authorization == null) {
			authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
			changed = true;
		}
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizationService.saveAuthorization(authorization);
		}
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}
}
