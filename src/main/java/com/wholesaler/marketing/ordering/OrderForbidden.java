package com.wholesaler.marketing.ordering;

/** An order this user may not enter at all: not a phone clerk, or a retailer not on their list of the day. */
public class OrderForbidden extends RuntimeException {

	OrderForbidden(String message) {
		super(message);
	}
}
