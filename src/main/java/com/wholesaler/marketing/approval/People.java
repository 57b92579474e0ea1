package com.wholesaler.marketing.approval;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** People as the users call them: 李明, not "director". The engine keeps the family name as the first name. */
@Component
public class People {

	private final IdentityService identityService;

	People(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** Names of the given user ids, in one query; an id that is no user (an outside party, 系統) stays as it is. */
	public Map<String, String> names(Collection<String> ids) {
		Set<String> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
		Map<String, String> names = new HashMap<>();
		if (!wanted.isEmpty()) {
			for (User user : identityService.createUserQuery().userIdIn(wanted.toArray(String[]::new)).list()) {
				String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
				names.put(user.getId(), name.isEmpty() ? user.getId() : name);
			}
		}
		return names;
	}

	/** Every user by id with their name. */
	public Map<String, String> everyone() {
		Map<String, String> names = new HashMap<>();
		for (User user : identityService.createUserQuery().list()) {
			String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
			names.put(user.getId(), name.isEmpty() ? user.getId() : name);
		}
		return names;
	}

	public String name(String id) {
		return id == null ? null : names(Set.of(id)).getOrDefault(id, id);
	}

	/** The members of a group by id with their name. */
	public Map<String, String> members(String groupId) {
		Map<String, String> names = new java.util.TreeMap<>();
		for (User user : identityService.createUserQuery().memberOfGroup(groupId).list()) {
			String name = (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
			names.put(user.getId(), name.isEmpty() ? user.getId() : name);
		}
		return names;
	}

	/** The groups a user holds. */
	public Set<String> groupsOf(String userId) {
		return identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).collect(Collectors.toSet());
	}

	public boolean exists(String userId) {
		return userId != null && identityService.createUserQuery().userId(userId).count() > 0;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
