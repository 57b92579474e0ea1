package com.wholesaler.marketing.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * The company's one time zone, and the one way a date typed into a form becomes a day: a
 * Tasklist date field sends "2026-12-10", the engine may hold a java.util.Date.
 */
public final class BusinessTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private BusinessTime() {
	}

	/** The day a form value names; null when empty. */
	public static LocalDate date(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date d) {
			return d.toInstant().atZone(ZONE).toLocalDate();
		}
		String text = value.toString().trim();
		try {
			return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
		}
		catch (RuntimeException e) {
			throw new BusinessRuleException("日期「%s」格式不對，請用 YYYY-MM-DD (date format)".formatted(abbreviated(text)));
		}
	}

	/** The day a page's date field names (YYYY-MM-DD, nothing else), or {@code otherwise} when it is empty. */
	public static LocalDate day(String text, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new BusinessRuleException("日期「%s」格式不對，請用 YYYY-MM-DD (date format)".formatted(abbreviated(text)));
		}
	}

	/** The first moment of a day, for timers. */
	public static Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(ZONE).toInstant());
	}

	/** A text quoted back to the user, cut after 30 characters. */
	public static String abbreviated(String text) {
		return text.length() <= 30 ? text : text.substring(0, 30) + "…";
	}
}
