package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the figures page writes a rate or a time: "—" where there is nothing to divide by. */
public final class FiguresFormat {

	public String percent(Double rate) {
		return rate == null ? "—" : percentNumber(rate) + "%";
	}

	/** Minutes and seconds, "3:05". */
	public String duration(Double seconds) {
		if (seconds == null) {
			return "—";
		}
		long s = Math.round(seconds);
		return "%d:%02d".formatted(s / 60, s % 60);
	}

	/** Hours and minutes, "5 小時 12 分". */
	public String hours(long seconds) {
		long minutes = Math.round(seconds / 60.0);
		return minutes < 60 ? minutes + " 分" : "%d 小時 %d 分".formatted(minutes / 60, minutes % 60);
	}

	static BigDecimal percentNumber(Double rate) {
		return rate == null ? null : BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP);
	}
}
