package com.wholesaler.marketing.substitution;

/** A user asked for what their role does not do with a shortage case (HTTP 403); nothing changed. */
public class ShortageForbidden extends RuntimeException {

	public ShortageForbidden(String message) {
		super(message);
	}
}
