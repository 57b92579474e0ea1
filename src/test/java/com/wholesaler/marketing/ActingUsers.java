package com.wholesaler.marketing;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

/**
 * Acts in the engine as a user with their groups, as Tasklist or the REST API would (authorization
 * applies), and signs out afterwards, so that the test's own checks look without authorization.
 */
public final class ActingUsers {

	private ActingUsers() {
	}

	public static <T> T as(IdentityService identityService, String user, List<String> groups, Supplier<T> action) {
		identityService.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	public static void as(IdentityService identityService, String user, List<String> groups, Runnable action) {
		as(identityService, user, groups, () -> {
			action.run();
			return null;
		});
	}
}
