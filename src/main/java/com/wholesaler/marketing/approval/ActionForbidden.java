package com.wholesaler.marketing.approval;

/**
 * A page action by someone whose role does not allow it (an order entered by a seat leader, a
 * desk urge by a clerk): the page answers HTTP 403 with the message, in the user's language.
 */
public class ActionForbidden extends RuntimeException {

	public ActionForbidden(String message) {
		super(message);
	}
}
