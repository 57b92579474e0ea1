package com.wholesaler.marketing.approval;

import java.util.function.Supplier;

/**
 * Turns a refused business rule into the engine's "bad user request", which the REST API and
 * Tasklist show as the message itself (HTTP 400) and which rolls the whole command back.
 */
public final class EngineErrors {

	private EngineErrors() {
	}

	public static void refuseOnRuleViolation(Runnable action) {
		refuseOnRuleViolation(() -> {
			action.run();
			return null;
		});
	}

	public static <T> T refuseOnRuleViolation(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (BusinessRuleException e) {
			throw new RefusedRequest(e);
		}
	}
}
