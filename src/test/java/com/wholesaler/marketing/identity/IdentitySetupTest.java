package com.wholesaler.marketing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import com.wholesaler.marketing.IntegrationTest;

@IntegrationTest
class IdentitySetupTest {

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	IdentitySetup identitySetup;

	@Test
	void everyRoleIsAGroupWithItsChineseName() {
		for (Role role : Role.values()) {
			Group group = identityService.createGroupQuery().groupId(role.groupId()).singleResult();
			assertThat(group).as(role.groupId()).isNotNull();
			assertThat(group.getName()).isEqualTo(role.chineseName());
		}
		assertThat(Role.values()).hasSize(12);
	}

	@Test
	void everyDemoUserIsInTheGroupItsNameSaysAndSignsInWithDemo() {
		assertThat(DemoUser.ALL).hasSize(15);
		for (DemoUser user : DemoUser.ALL) {
			assertThat(identityService.createUserQuery().userId(user.id()).memberOfGroup(user.groupId()).count())
					.as(user.id() + " in " + user.groupId()).isEqualTo(1);
			assertThat(identityService.checkPassword(user.id(), "demo")).as(user.id()).isTrue();
		}
		assertThat(identityService.createUserQuery().memberOfGroup("phoneClerk").count()).isEqualTo(2);
		org.camunda.bpm.engine.identity.User director = identityService.createUserQuery().userId("director").singleResult();
		assertThat(director.getFirstName() + director.getLastName()).as("family name first").isEqualTo("李明");
	}

	@Test
	void onlyTheStartingRoleMayStartAProcess() {
		assertThat(authorizationService.isUserAuthorized("supply", java.util.List.of("supplyManager"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "purchasePlanApproval")).isTrue();
		assertThat(authorizationService.isUserAuthorized("clerk1", java.util.List.of("phoneClerk"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "purchasePlanApproval")).isFalse();
		assertThat(authorizationService.isUserAuthorized("genadmin", java.util.List.of("generalAdmin"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "priceAdjustment")).isTrue();
	}

	@Test
	void onlyProcessOwnersAndAdministratorsDeployOrSeeCockpit() {
		assertThat(authorizationService.isUserAuthorized("owner", java.util.List.of("processOwner"),
				Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
		assertThat(authorizationService.isUserAuthorized("director", java.util.List.of("centerDirector"),
				Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
		assertThat(authorizationService.isUserAuthorized("director", java.util.List.of("centerDirector"),
				Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
		assertThat(authorizationService.isUserAuthorized("owner", java.util.List.of("processOwner"),
				Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
		assertThat(authorizationService.isUserAuthorized("director", java.util.List.of("centerDirector"),
				Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
	}

	@Test
	void runningTheSetupAgainChangesNothing() throws Exception {
		long groups = identityService.createGroupQuery().count();
		long users = identityService.createUserQuery().count();
		long authorizations = authorizationService.createAuthorizationQuery().count();
		identitySetup.run(new DefaultApplicationArguments());
		assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
		assertThat(identityService.createUserQuery().count()).isEqualTo(users);
		assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
	}
}
