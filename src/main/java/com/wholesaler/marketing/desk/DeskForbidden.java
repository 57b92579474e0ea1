package com.wholesaler.marketing.desk;

/** A desk action by someone whose role does not allow it: HTTP 403. */
public class DeskForbidden extends RuntimeException {

	DeskForbidden(String message) {
		super(message);
	}
}
