package com.wholesaler.marketing.purchaseplan;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;

/**
 * When a review is due and when it escalates, for the model's due dates and boundary timers. Read
 * from the engine's clock, so tests that move the engine clock move these too. Weekends are not
 * working days; public holidays are not known here.
 */
@Component
@ModelExpression
public class ReviewDeadlines {

	private final int workingDays;
	private final ZoneId zone;

	public ReviewDeadlines(@Value("${marketing.review.due-working-days:2}") int workingDays) {
		this.workingDays = workingDays;
		this.zone = ZoneId.systemDefault();
	}

	/** Due: the configured number of working days from now (default 2). */
	public Date due() {
		return Date.from(addWorkingDays(now(), workingDays).atZone(zone).toInstant());
	}

	/** Escalation: one day after the due date. */
	public Date escalation() {
		return Date.from(addWorkingDays(now(), workingDays).plusDays(1).atZone(zone).toInstant());
	}

	static LocalDateTime addWorkingDays(LocalDateTime from, int days) {
		LocalDateTime at = from;
		int added = 0;
		while (added < days) {
			at = at.plusDays(1);
			if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
				added++;
			}
		}
		return at;
	}

	private LocalDateTime now() {
		return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
	}
}
