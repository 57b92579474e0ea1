package com.wholesaler.marketing.purchaseplan;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.WorkingCalendar;

/**
 * When a review is due and when it escalates, for the model's due dates and boundary timers, in
 * working days of the company's calendar (holidays and 調休 included). Read from the engine's clock,
 * so tests that move the engine clock move these too.
 */
@Component
@ModelExpression
public class ReviewDeadlines {

	private final int workingDays;
	private final WorkingCalendar calendar;

	public ReviewDeadlines(@Value("${marketing.review.due-working-days:2}") int workingDays, WorkingCalendar calendar) {
		this.workingDays = workingDays;
		this.calendar = calendar;
	}

	/** Due: the configured number of working days from now (default 2). */
	public Date due() {
		return date(dueFrom(now()));
	}

	/** Escalation: one working day after the due date. */
	public Date escalation() {
		return date(calendar.addWorkingDays(dueFrom(now()), 1));
	}

	LocalDateTime dueFrom(LocalDateTime from) {
		return calendar.addWorkingDays(from, workingDays);
	}

	private static Date date(LocalDateTime at) {
		return Date.from(at.atZone(BusinessTime.ZONE).toInstant());
	}

	private static LocalDateTime now() {
		return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BusinessTime.ZONE);
	}
}
