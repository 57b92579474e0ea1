package com.wholesaler.marketing.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * The days a report covers, both ends included: a month (「2026-11」) or any range up to a year, never
 * past today. The same days a year before are what "last year" means on every report.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

	public static final int MOST_DAYS = 366;

	public ReportPeriod {
		if (to.isBefore(from)) {
			throw new BusinessRuleException("結束日期 %s 早於開始日期 %s (to before from)".formatted(to, from));
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MOST_DAYS) {
			throw new BusinessRuleException("報表期間最長 %d 天 (at most a year)".formatted(MOST_DAYS));
		}
	}

	/**
	 * The period a page's fields name: a month wins over a range; without either, the last full month.
	 * A period reaching past today ends today.
	 */
	public static ReportPeriod of(String month, String from, String to, LocalDate today) {
		if (month != null && !month.isBlank()) {
			YearMonth named = month(month);
			if (named.atDay(1).isAfter(today)) {
				throw new BusinessRuleException("月份 %s 還沒到 (month in the future)".formatted(named));
			}
			return new ReportPeriod(named.atDay(1), min(named.atEndOfMonth(), today));
		}
		YearMonth last = YearMonth.from(today).minusMonths(1);
		LocalDate end = BusinessTime.day(to, last.atEndOfMonth());
		LocalDate start = BusinessTime.day(from, to == null || to.isBlank() ? last.atDay(1) : end.withDayOfMonth(1));
		if (start.isAfter(today)) {
			throw new BusinessRuleException("開始日期 %s 還沒到 (from in the future)".formatted(start));
		}
		return new ReportPeriod(start, min(end, today));
	}

	/** The last {@code weeks} whole weeks and this week so far: what a benchmark and the retailer report look at. */
	public static ReportPeriod lastWeeks(int weeks, LocalDate today) {
		return new ReportPeriod(today.minusWeeks(weeks).plusDays(1), today);
	}

	private static YearMonth month(String text) {
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new BusinessRuleException("月份「%s」格式不對，請用 YYYY-MM (month format)".formatted(BusinessTime.abbreviated(text)));
		}
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	public ReportPeriod lastYear() {
		return new ReportPeriod(from.minusYears(1), to.minusYears(1));
	}

	/** The first and the second half, for what changed within the period. */
	public LocalDate middle() {
		return from.plusDays(days() / 2);
	}

	/** 「2026-11」 for a whole month, else 「2026-09-01 至 2026-11-30」. */
	public String label() {
		boolean wholeMonth = from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth());
		return wholeMonth ? YearMonth.from(from).toString() : from + " 至 " + to;
	}
}
