package com.wholesaler.marketing.brands;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Retailer tiers as the forms write them, 「起-止」 within 1–30 (1 is the largest retailers): 「1-12」. */
public record TierRange(int from, int to) {

	private static final Pattern RANGE = Pattern.compile("(\\d{1,2})\\s*[-–至]\\s*(\\d{1,2})");

	public static final String RULE = "目標檔位寫作「起-止」，在 1 至 30 檔之間，例如 1-12";

	/** The range, or empty when the text is not one. */
	public static Optional<TierRange> parse(Object text) {
		Matcher m = RANGE.matcher(text == null ? "" : text.toString().strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		int from = Integer.parseInt(m.group(1));
		int to = Integer.parseInt(m.group(2));
		return from < 1 || to > 30 || from > to ? Optional.empty() : Optional.of(new TierRange(from, to));
	}

	public boolean contains(int tier) {
		return tier >= from && tier <= to;
	}

	@Override
	public String toString() {
		return from + "-" + to;
	}
}
