package com.wholesaler.marketing.brands;

/** A user asked for what their role does not do on a brand's file (HTTP 403); nothing changed. */
public class BrandForbidden extends RuntimeException {

	public BrandForbidden(String message) {
		super(message);
	}
}
