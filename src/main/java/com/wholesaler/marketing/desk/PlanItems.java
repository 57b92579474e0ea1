package com.wholesaler.marketing.desk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * A work plan's items as the form takes them, one a line: 「事項｜負責人｜完成日期」 (a half-width bar
 * works too). Every item names its owner and a day within the plan's month.
 */
public record PlanItems(List<Item> items) {

	public static final int MOST = 30;

	public record Item(int number, String title, String owner, LocalDate due) {
	}

	public static PlanItems parse(Object text, YearMonth month) {
		String all = text == null ? "" : text.toString();
		List<Item> items = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		int line = 0;
		for (String raw : all.split("\\R")) {
			line++;
			if (raw.isBlank()) {
				continue;
			}
			String[] parts = raw.split("[|｜]", -1);
			if (parts.length != 3) {
				errors.add("第 %d 行應為「事項｜負責人｜完成日期」三欄".formatted(line));
				continue;
			}
			String title = parts[0].strip();
			String owner = parts[1].strip();
			if (title.isEmpty() || title.length() > 200) {
				errors.add("第 %d 行的事項應為 1 至 200 字".formatted(line));
			}
			if (owner.isEmpty() || owner.length() > 32) {
				errors.add("第 %d 行的負責人應為 1 至 32 字".formatted(line));
			}
			LocalDate due = null;
			try {
				due = LocalDate.parse(parts[2].strip());
				if (!YearMonth.from(due).equals(month)) {
					errors.add("第 %d 行的完成日期 %s 不在 %s 月內".formatted(line, due, month));
				}
			}
			catch (DateTimeParseException e) {
				errors.add("第 %d 行的完成日期「%s」格式不對，請用 YYYY-MM-DD".formatted(line, BusinessTime.abbreviated(parts[2].strip())));
			}
			items.add(new Item(items.size() + 1, title, owner, due));
		}
		if (items.isEmpty() && errors.isEmpty()) {
			errors.add("請至少列出一項工作");
		}
		if (items.size() > MOST) {
			errors.add("一個月的工作計畫最多 %d 項".formatted(MOST));
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + " (work plan items)");
		}
		return new PlanItems(List.copyOf(items));
	}
}
