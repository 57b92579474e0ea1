package com.wholesaler.marketing.catalog;

/** A form field's value as the text the user typed: stripped, and empty (never null) when the field was left out. */
public final class FormText {

	private FormText() {
	}

	public static String of(Object value) {
		return value == null ? "" : value.toString().strip();
	}
}
