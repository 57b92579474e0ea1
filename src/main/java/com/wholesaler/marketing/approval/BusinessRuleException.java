package com.wholesaler.marketing.approval;

/**
 * A business rule refused what a user asked for. The message is written for the user, in Chinese
 * with an English hint, and is shown to them as it is; nothing has been changed.
 */
public class BusinessRuleException extends RuntimeException {

	public BusinessRuleException(String message) {
		super(message);
	}
}
