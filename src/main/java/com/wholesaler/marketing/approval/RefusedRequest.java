package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The engine-side form of a refusal written for the user (Chinese, then English): the engine rolls
 * the command back, and the REST API answers 400 with the message as it is (RestRefusals).
 */
public class RefusedRequest extends BadUserRequestException {

	public RefusedRequest(String message) {
		super(message);
	}

	public RefusedRequest(BusinessRuleException cause) {
		super(cause.getMessage(), cause);
	}
}
