package com.wholesaler.marketing.brands;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * One quarter's goals of a cultivation plan as the form writes them, one quarter a line: 「季度 覆蓋率% 銷量(條)
 * 價格到位率%」, for example 「Q2 35 12000 95」: the share of active retailers ordering the brand, the cartons
 * sold, and the retail price realisation the market survey should find.
 */
public record QuarterGoal(int quarter, BigDecimal coveragePercent, int cartons, BigDecimal priceRealisation) {

	static final String FORMAT = "「季度 覆蓋率% 銷量(條) 價格到位率%」，例如 Q2 35 12000 95";

	private static final Pattern LINE = Pattern.compile("[Qq第]?\\s*([1-4])\\s*季?\\s+(\\d{1,3}(?:\\.\\d)?)%?\\s+(\\d{1,8})\\s+(\\d{1,3}(?:\\.\\d)?)%?");

	public LocalDate firstDay(int year) {
		return LocalDate.of(year, 3 * quarter - 2, 1);
	}

	public LocalDate lastDay(int year) {
		return firstDay(year).plusMonths(3).minusDays(1);
	}

	/** Every line read at once; all errors named together. */
	static List<QuarterGoal> parseAll(Object text) {
		List<QuarterGoal> goals = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		Set<Integer> seen = new TreeSet<>();
		int lineNumber = 0;
		for (String line : (text == null ? "" : text.toString()).split("\\R")) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			Matcher m = LINE.matcher(line.strip().replace('，', ' ').replace(',', ' '));
			if (!m.matches()) {
				errors.add("第 %d 行「%s」應為%s".formatted(lineNumber, BusinessTime.abbreviated(line.strip()), FORMAT));
				continue;
			}
			QuarterGoal goal = new QuarterGoal(Integer.parseInt(m.group(1)), new BigDecimal(m.group(2)), Integer.parseInt(m.group(3)),
					new BigDecimal(m.group(4)));
			if (goal.coveragePercent().compareTo(BigDecimal.valueOf(100)) > 0 || goal.priceRealisation().compareTo(BigDecimal.valueOf(100)) > 0) {
				errors.add("第 %d 行：覆蓋率和價格到位率在 0 至 100%% 之間".formatted(lineNumber));
				continue;
			}
			if (!seen.add(goal.quarter())) {
				errors.add("第 %d 季填了兩次".formatted(goal.quarter()));
				continue;
			}
			goals.add(goal);
		}
		if (goals.isEmpty() && errors.isEmpty()) {
			errors.add("請至少填寫一個季度的目標，每行" + FORMAT);
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
		goals.sort((a, b) -> Integer.compare(a.quarter(), b.quarter()));
		return goals;
	}
}
