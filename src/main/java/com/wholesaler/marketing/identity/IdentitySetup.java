package com.wholesaler.marketing.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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
	/** The processes whose messages arrive from outside (countersignature, the price authority's decision). */
	static final List<String> MESSAGE_RECEIVERS = List.of("contractSigning", "priceAdjustment");

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
		createGroup(Role.INTEGRATION, "系統接口", Groups.GROUP_TYPE_SYSTEM);
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

	/** Sets the grants of the managed groups to exactly the table; the administrators keep everything. */
	private void grantRolePermissions() {
		Map<RoleGrants.Grant, Set<Permission>> wanted = RoleGrants.of(ProcessStarters.BY_PROCESS, MESSAGE_RECEIVERS).all();
		Set<String> managed = RoleGrants.managedGroups();
		for (Authorization existing : authorizationService.createAuthorizationQuery()
				.groupIdIn(managed.toArray(String[]::new)).authorizationType(AUTH_TYPE_GRANT).list()) {
			RoleGrants.Grant grant = new RoleGrants.Grant(existing.getGroupId(), resource(existing.getResourceType()),
					existing.getResourceId());
			if (RoleGrants.owns(grant) && !wanted.containsKey(grant)) {
				authorizationService.deleteAuthorization(existing.getId());
				log.info("Removed the grant of {} on {} {}: not in the role table", existing.getGroupId(),
						existing.getResourceType(), existing.getResourceId());
			}
		}
		wanted.forEach((grant, permissions) -> setExactly(grant, permissions));
		for (Resources resource : Resources.values()) {
			setExactly(new RoleGrants.Grant(Groups.CAMUNDA_ADMIN, resource, RoleGrants.ALL_RESOURCES), Set.of(Permissions.ALL));
		}
	}

	private void setExactly(RoleGrants.Grant grant, Set<Permission> permissions) {
		Authorization authorization = authorizationService.createAuthorizationQuery()
				.groupIdIn(grant.groupId()).resourceType(grant.resource()).resourceId(grant.resourceId())
				.authorizationType(AUTH_TYPE_GRANT).list().stream().findFirst().orElse(null);
		int wanted = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
		if (authorization != null && ((AuthorizationEntity) authorization).getPermissions() == wanted) {
			return;
		}
		if (authorization == null) {
			authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.groupId());
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		authorization.setPermissions(permissions.toArray(Permission[]::new));
		authorizationService.saveAuthorization(authorization);
	}

	private static Resource resource(int type) {
		for (Resources r : Resources.values()) {
			if (r.resourceType() == type) {
				return r;
			}
		}
		return null;
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}
}
