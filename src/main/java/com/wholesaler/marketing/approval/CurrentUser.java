package com.wholesaler.marketing.approval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting in the engine right now: the user behind the Tasklist or REST call. */
@Component
public class CurrentUser {

	private final IdentityService identityService;
	private final People people;

	public CurrentUser(IdentityService identityService, People people) {
		this.identityService = identityService;
		this.people = people;
	}

	public String id() {
		Authentication authentication = identityService.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			throw new BusinessRuleException("無法確認操作人，請重新登入後再試 (no signed-in user)");
		}
		return authentication.getUserId();
	}

	/** The signed-in user with their groups: those the authentication carries, else those the identity service knows. */
	public Actor actor() {
		String id = id();
		List<String> groups = identityService.getCurrentAuthentication().getGroupIds();
		Set<String> held = new HashSet<>();
		if (groups == null || groups.isEmpty()) {
			held.addAll(people.groupsOf(id));
		}
		else {
			held.addAll(groups);
		}
		return new Actor(id, Set.copyOf(held));
	}
}
