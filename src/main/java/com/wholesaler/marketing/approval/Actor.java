package com.wholesaler.marketing.approval;

import java.util.Set;

import com.wholesaler.marketing.identity.Role;

/** The signed-in user and the groups they hold, as the engine's identity service knows them. */
public record Actor(String id, Set<String> groups) {

	public boolean holds(Role role) {
		return role != null && groups.contains(role.groupId());
	}
}
