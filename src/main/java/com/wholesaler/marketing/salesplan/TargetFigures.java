package com.wholesaler.marketing.salesplan;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * The figures of a year's targets as the director types them into the form (numbers or text): the year,
 * cartons, sales amount in 萬元, gross margin and the share of price classes 1–2 in per cent, and the
 * number of active retailers. {@link #of} refuses in Chinese what no target can be.
 */
public record TargetFigures(int year, long cartons, BigDecimal salesAmount, BigDecimal grossMargin, BigDecimal premiumShare,
		int activeRetailers) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Reads the form's answers; {@code thisYear} bounds the year (this year or the next). */
	public static TargetFigures of(Object year, Object cartons, Object salesAmount, Object grossMargin, Object premiumShare,
			Object activeRetailers, int thisYear) {
		BigDecimal y = number(year, "年度 (year)");
		if (y.stripTrailingZeros().scale() > 0 || y.intValue() < thisYear || y.intValue() > thisYear + 1) {
			throw new BusinessRuleException("年度應為 %d 或 %d (year)".formatted(thisYear, thisYear + 1));
		}
		long c = whole(number(cartons, "銷量目標（條）(cartons)"), "銷量目標（條）(cartons)");
		BigDecimal amount = positive(number(salesAmount, "銷售額目標（萬元）(salesAmount)"), "銷售額目標（萬元）(salesAmount)").setScale(2, RoundingMode.HALF_UP);
		BigDecimal margin = percent(number(grossMargin, "毛利率（%）(grossMargin)"), "毛利率（%）(grossMargin)", false);
		BigDecimal share = percent(number(premiumShare, "一二類煙佔比（%）(premiumShare)"), "一二類煙佔比（%）(premiumShare)", true);
		long retailers = whole(number(activeRetailers, "活躍零售客戶數 (activeRetailers)"), "活躍零售客戶數 (activeRetailers)");
		if (retailers > Integer.MAX_VALUE) {
			throw new BusinessRuleException("活躍零售客戶數太大 (activeRetailers)");
		}
		return new TargetFigures(y.intValue(), c, amount, margin, share, (int) retailers);
	}

	private static BigDecimal number(Object value, String what) {
		if (value == null || value.toString().isBlank()) {
			throw new BusinessRuleException("請填寫%s".formatted(what));
		}
		try {
			return new BigDecimal(value.toString().strip().replace(",", "").replace("，", ""));
		}
		catch (NumberFormatException e) {
			String text = value.toString();
			throw new BusinessRuleException("%s「%s」不是數字".formatted(what, text.length() > 20 ? text.substring(0, 20) + "…" : text));
		}
	}

	private static BigDecimal positive(BigDecimal n, String what) {
		if (n.signum() <= 0) {
			throw new BusinessRuleException("%s必須大於 0".formatted(what));
		}
		return n;
	}

	private static long whole(BigDecimal n, String what) {
		positive(n, what);
		if (n.stripTrailingZeros().scale() > 0) {
			throw new BusinessRuleException("%s必須是整數".formatted(what));
		}
		try {
			return n.longValueExact();
		}
		catch (ArithmeticException e) {
			throw new BusinessRuleException("%s太大".formatted(what));
		}
	}

	/** A share in per cent: 0 to 100 where it may be nothing or everything, otherwise strictly between. */
	private static BigDecimal percent(BigDecimal n, String what, boolean zeroAllowed) {
		boolean below = zeroAllowed ? n.signum() < 0 : n.signum() <= 0;
		boolean above = zeroAllowed ? n.compareTo(HUNDRED) > 0 : n.compareTo(HUNDRED) >= 0;
		if (below || above) {
			throw new BusinessRuleException("%s應在 %s 與 100 之間".formatted(what, zeroAllowed ? "0" : "0（不含）"));
		}
		return n.setScale(2, RoundingMode.HALF_UP);
	}
}
