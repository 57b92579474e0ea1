package com.wholesaler.marketing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.wholesaler.marketing.identity.DemoUser;

/** Who works a task of each group in the demo company: the group's first demo user. */
public final class DemoWorkers {

	private static final Map<String, String> USER_OF_GROUP = DemoUser.ALL.stream()
			.collect(Collectors.toMap(DemoUser::groupId, DemoUser::id, (first, other) -> first, LinkedHashMap::new));

	private DemoWorkers() {
	}

	/** The demo user who works the group's tasks, or null for a group no demo user is in. */
	public static String of(String groupId) {
		return USER_OF_GROUP.get(groupId);
	}

	public static String groupOf(String userId) {
		return DemoUser.ALL.stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow().groupId();
	}
}
