package com.wholesaler.marketing.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.identity.Role;

/**
 * The general administrator replaces a year's calendar when the State Council publishes it. Every
 * upload is kept; the last one of a year is in force.
 */
@Service
@Transactional
public class WorkingCalendarFiles {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final WorkingCalendar calendar;

	WorkingCalendarFiles(JdbcClient jdbc, Clock clock, WorkingCalendar calendar) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
	}

	public YearCalendar replace(int year, String text, String by, Set<String> byGroups) {
		if (!byGroups.contains(Role.GENERAL_ADMIN.groupId()) && !byGroups.contains(Role.CAMUNDA_ADMIN)) {
			throw new BusinessRuleException("只有綜合管理員可以更新工作日曆 (only the general administrator)");
		}
		int thisYear = LocalDateTime.now(clock).getYear();
		if (year < thisYear - 1 || year > thisYear + 2) {
			throw new BusinessRuleException("只能更新 %d 至 %d 年的日曆 (year out of range)".formatted(thisYear - 1, thisYear + 2));
		}
		if (text != null && text.length() > 20_000) {
			throw new BusinessRuleException("檔案太大，一年的日曆不超過 20000 字 (file too large)");
		}
		YearCalendar parsed = YearCalendar.parse(year, text);
		jdbc.sql("INSERT INTO working_calendar (year_number, content, uploaded_by, uploaded_at) VALUES (:y, :c, :by, :at)")
				.param("y", year).param("c", text).param("by", by).param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0))).update();
		calendar.forget(year);
		return parsed;
	}
}
