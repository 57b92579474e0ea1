package com.wholesaler.marketing.manufacturers;

/** A user asked for what their role does not do on a manufacturer's file (HTTP 403); nothing changed. */
public class FileForbidden extends RuntimeException {

	public FileForbidden(String message) {
		super(message);
	}
}
