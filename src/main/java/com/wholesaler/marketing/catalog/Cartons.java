package com.wholesaler.marketing.catalog;

import java.util.regex.Pattern;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * A number of cartons as a person types it: a whole number, with a minus only where the rule
 * reading it says what a negative means, and no more than nine digits (a year's purchases of the
 * whole company are far fewer).
 */
public final class Cartons {

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
	private static final Pattern DIGITS = Pattern.compile("-?\\d+");

	private Cartons() {
	}

	public static int parse(String text) {
		String t = text == null ? "" : text.trim();
		if (WHOLE.matcher(t).matches()) {
			return Integer.parseInt(t);
		}
		if (DIGITS.matcher(t).matches()) {
			throw new BusinessRuleException("數量「%s」太大 (too many cartons)".formatted(BusinessTime.abbreviated(t)));
		}
		throw new BusinessRuleException("數量「%s」不是整數（條）(not a whole number of cartons)".formatted(BusinessTime.abbreviated(t)));
	}
}
