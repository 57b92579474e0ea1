package com.wholesaler.marketing.reports;

/** A user asked for what their role does not do (HTTP 403); nothing was changed. */
public class ReportForbidden extends RuntimeException {

	public ReportForbidden(String message) {
		super(message);
	}
}
