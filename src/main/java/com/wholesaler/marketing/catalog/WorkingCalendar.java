package com.wholesaler.marketing.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;

/**
 * The company's working days: Monday to Friday, less China's public holidays, plus the weekend days
 * worked in their place, year by year (YearCalendar). A year's calendar is the one the general
 * administrator last uploaded, else the file in the repository, else weekends only. Models use it
 * for due dates and reminders: {@code ${workingDays.after(5)}}. Reads only.
 */
@Component("workingDays")
@ModelExpression
public class WorkingCalendar {

	/** How long a node keeps a year before it reads it again: another node may have replaced it. */
	private static final long REREAD_MILLIS = 60_000;

	private record Cached(YearCalendar calendar, long readAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<Integer, Cached> years = new ConcurrentHashMap<>();

	WorkingCalendar(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean isWorkingDay(LocalDate date) {
		return year(date.getYear()).isWorkingDay(date);
	}

	/** The moment the given number of working days later, at the same time of day. */
	public LocalDateTime addWorkingDays(LocalDateTime from, int days) {
		LocalDateTime at = from;
		int added = 0;
		while (added < days) {
			at = at.plusDays(1);
			if (isWorkingDay(at.toLocalDate())) {
				added++;
			}
		}
		return at;
	}

	/** The day itself when it is a working day, else the next working day (順延). */
	public LocalDate onOrNextWorkingDay(LocalDate date) {
		LocalDate day = date;
		while (!isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** For a model: that many working days from now by the engine's clock (which tests move). */
	public Date after(int workingDays) {
		LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BusinessTime.ZONE);
		return Date.from(addWorkingDays(now, workingDays).atZone(BusinessTime.ZONE).toInstant());
	}

	public YearCalendar year(int year) {
		long now = Instant.now(clock).toEpochMilli();
		Cached cached = years.get(year);
		if (cached == null || now - cached.readAt() > REREAD_MILLIS) {
			cached = new Cached(read(year), now);
			years.put(year, cached);
		}
		return cached.calendar();
	}

	/** Where a year comes from: an upload, the repository's file, or nowhere (weekends only). */
	public String source(int year) {
		Optional<String> uploaded = uploadedBy(year);
		if (uploaded.isPresent()) {
			return uploaded.get();
		}
		return repositoryFile(year).isPresent() ? "calendar/%d.txt".formatted(year) : null;
	}

	void forget(int year) {
		years.remove(year);
	}

	private YearCalendar read(int year) {
		Optional<String> text = jdbc.sql("SELECT content FROM working_calendar WHERE year_number = :y ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
				.param("y", year).query(String.class).optional().or(() -> repositoryFile(year));
		return text.map(t -> YearCalendar.parse(year, t)).orElseGet(() -> YearCalendar.weekendsOnly(year));
	}

	private Optional<String> uploadedBy(int year) {
		return jdbc.sql("SELECT uploaded_by, uploaded_at FROM working_calendar WHERE year_number = :y ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
				.param("y", year).query((rs, i) -> "%s 於 %s 上傳".formatted(rs.getString("uploaded_by"),
						rs.getTimestamp("uploaded_at").toLocalDateTime().toLocalDate())).optional();
	}

	static Optional<String> repositoryFile(int year) {
		try (InputStream in = WorkingCalendar.class.getResourceAsStream("/calendar/%d.txt".formatted(year))) {
			return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
