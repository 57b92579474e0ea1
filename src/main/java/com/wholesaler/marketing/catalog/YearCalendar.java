package com.wholesaler.marketing.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * One year of China's public holidays and the weekend days worked in their place (調休), as the
 * State Council publishes them: lines of "date 休|班 name". A day not listed is a working day from
 * Monday to Friday and a rest day at the weekend.
 */
public record YearCalendar(int year, Map<LocalDate, Day> days) {

	public enum Kind {
		REST("休"), WORK("班");

		private final String word;

		Kind(String word) {
			this.word = word;
		}

		public String word() {
			return word;
		}
	}

	public record Day(LocalDate date, Kind kind, String name) {
	}

	public YearCalendar {
		days = Collections.unmodifiableMap(new TreeMap<>(days));
	}

	/** A year without a published calendar: weekends only. */
	public static YearCalendar weekendsOnly(int year) {
		return new YearCalendar(year, Map.of());
	}

	public boolean isWorkingDay(LocalDate date) {
		Day listed = days.get(date);
		if (listed != null) {
			return listed.kind() == Kind.WORK;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	public List<Day> listed() {
		return new ArrayList<>(days.values());
	}

	/** The file's text, refused whole with every bad line named: nothing of a bad file is used. */
	public static YearCalendar parse(int year, String text) {
		Map<LocalDate, Day> days = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		int lineNumber = 0;
		for (String raw : (text == null ? "" : text).split("\\R")) {
			lineNumber++;
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\\s+", 3);
			if (cells.length < 3) {
				problems.add("第 %d 行「%s」應為「日期 休|班 名稱」".formatted(lineNumber, line));
				continue;
			}
			LocalDate date;
			try {
				date = LocalDate.parse(cells[0]);
			}
			catch (DateTimeParseException e) {
				problems.add("第 %d 行的日期「%s」應為 YYYY-MM-DD".formatted(lineNumber, cells[0]));
				continue;
			}
			Kind kind = "休".equals(cells[1]) ? Kind.REST : "班".equals(cells[1]) ? Kind.WORK : null;
			if (kind == null) {
				problems.add("第 %d 行的類型「%s」應為「休」或「班」".formatted(lineNumber, cells[1]));
				continue;
			}
			if (date.getYear() != year) {
				problems.add("第 %d 行的日期 %s 不在 %d 年".formatted(lineNumber, date, year));
			}
			else if (kind == Kind.WORK && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				problems.add("第 %d 行：%s 是工作日，調休上班只能在週六或週日".formatted(lineNumber, date));
			}
			else if (cells[2].length() > 20) {
				problems.add("第 %d 行的名稱超過 20 字".formatted(lineNumber));
			}
			else if (days.put(date, new Day(date, kind, cells[2])) != null) {
				problems.add("第 %d 行：%s 重複".formatted(lineNumber, date));
			}
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleException("工作日曆有誤，未採用 (the calendar file is refused)：" + String.join("；", problems));
		}
		if (days.values().stream().noneMatch(d -> d.kind() == Kind.REST)) {
			throw new BusinessRuleException("工作日曆中沒有任何放假日，請檢查檔案 (no holidays in the file)");
		}
		return new YearCalendar(year, days);
	}
}
