package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.wholesaler.marketing.catalog.PriceClass;

/**
 * What approvers should notice (not refusals): a change across a price-class boundary, across the
 * excise class-A boundary (70 yuan allocation price), or a wholesale price changed less than a week ago.
 */
public final class PriceWarnings {

	static final BigDecimal CLASS_A_EXCISE = new BigDecimal("70.00");
	static final int DAYS_BETWEEN_WHOLESALE_CHANGES = 7;

	private PriceWarnings() {
	}

	public static String of(PriceLine line, LocalDate lastWholesaleChange, LocalDate today) {
		List<String> warnings = new ArrayList<>();
		PriceClass from = line.currentClass();
		PriceClass to = line.proposedClass();
		if (from != to) {
			warnings.add("價類由%s變為%s".formatted(from.chineseName(), to.chineseName()));
		}
		boolean wasClassA = line.currentAllocation().compareTo(CLASS_A_EXCISE) >= 0;
		boolean isClassA = line.proposedAllocation().compareTo(CLASS_A_EXCISE) >= 0;
		if (wasClassA != isClassA) {
			warnings.add(isClassA ? "調撥價升至 70 元以上，改按甲類捲菸計消費稅" : "調撥價降至 70 元以下，改按乙類捲菸計消費稅");
		}
		if (lastWholesaleChange != null && lastWholesaleChange.isAfter(today.minusDays(DAYS_BETWEEN_WHOLESALE_CHANGES))
				&& line.proposedWholesale().compareTo(line.currentWholesale()) != 0) {
			warnings.add("批發價 %s 剛調整過（不足 %d 天）".formatted(lastWholesaleChange, DAYS_BETWEEN_WHOLESALE_CHANGES));
		}
		return String.join("；", warnings);
	}
}
