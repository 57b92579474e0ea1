package com.wholesaler.marketing.catalog;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * Yuan as a person types them: digits, at most two decimals, no exponent ("1E+9" is
 * not a price anyone writes), and no more digits than the database keeps: a price per carton up to
 * 99,999,999.99 (NUMERIC(12,2)), an amount of an invoice or contract up to 9,999,999,999.99 (NUMERIC(14,2)).
 */
public final class Money {

	private static final Pattern PRICE = Pattern.compile("-?\\d{1,10}(\\.\\d{1,2})?");
	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");
	private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

	private Money() {
	}

	/** A price per carton; null when empty. */
	public static BigDecimal price(String text) {
		return parse(text, PRICE, "價格", "99999999.99");
	}

	/** An amount (an invoice's, a contract's); null when empty. */
	public static BigDecimal amount(String text) {
		return parse(text, AMOUNT, "金額", "9999999999.99");
	}

	private static BigDecimal parse(String text, Pattern shape, String what, String max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim().replace(",", "");
		if (shape.matcher(t).matches()) {
			return new BigDecimal(t);
		}
		if (DECIMAL.matcher(t).matches()) {
			throw new BusinessRuleException(t.contains(".") && t.substring(t.indexOf('.') + 1).length() > 2
					? "%s「%s」最多兩位小數（元）(two decimals at most)".formatted(what, BusinessTime.abbreviated(t))
					: "%s「%s」太大，最多 %s 元 (at most %s)".formatted(what, BusinessTime.abbreviated(t), max, max));
		}
		throw new BusinessRuleException("「%s」不是%s：請寫數字，最多兩位小數，例如 410.00 (not a %s in yuan)"
				.formatted(BusinessTime.abbreviated(t), what, "價格".equals(what) ? "price" : "amount"));
	}
}
