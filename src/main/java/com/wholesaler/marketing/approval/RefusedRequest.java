package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The engine-side form of a refusal written for the user (Chinese, then English): the engine rolls
 * the command back, and the REST API answers 400 with the message as it is (RestRefusals).
 */
public class RefusedRequest extends BadUserRequestException {

	/**
	 * The last refusal raised on this thread: some of the engine's REST resources rethrow a failure
	 * as a new exception with only its message, so RestRefusals recognises the message by this.
	 */
	private static final ThreadLocal<String> LAST = new ThreadLocal<>();

	public RefusedRequest(String message) {
		super(message);
		LAST.set(message);
	}

	public RefusedRequest(BusinessRuleException cause) {
		super(cause.getMessage(), cause);
		LAST.set(cause.getMessage());
	}

	/** The last refusal on this thread, forgotten once asked for. */
	static String takeLast() {
		String last = LAST.get();
		LAST.remove();
		return last;
	}
}
