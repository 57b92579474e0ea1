package com.wholesaler.marketing.ordering;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * What daily-call-list.bpmn reads about a day: whether it has call lists, whose they are (one task
 * each), when the seat leader checks the day and when an unfiled day is closed. Reads only.
 */
@Component("callDay")
@ModelExpression
public class CallDayModel {

	/** The seat leader checks the day at the end of the calling hours. */
	static final LocalTime CHECK_AT = LocalTime.of(17, 30);

	/** A day not filed by the next morning is closed as not filed, before the next day's lists. */
	static final LocalTime CLOSE_AT = LocalTime.of(7, 0);

	private final CallDays days;

	CallDayModel(CallDays days) {
		this.days = days;
	}

	/** Empty (the expression language passes null as ""): this run made no lists (a day off, or the day's lists were made before, by another run). */
	public boolean hasLists(String callDate) {
		return callDate != null && !callDate.isBlank() && !clerks(callDate).isEmpty();
	}

	public List<String> clerks(String callDate) {
		return days.logs(LocalDate.parse(callDate)).stream().map(CallDays.WorkLog::clerk).toList();
	}

	public Date checkAt(String callDate) {
		return Date.from(LocalDate.parse(callDate).atTime(CHECK_AT).atZone(BusinessTime.ZONE).toInstant());
	}

	public Date closeAt(String callDate) {
		return Date.from(LocalDate.parse(callDate).plusDays(1).atTime(CLOSE_AT).atZone(BusinessTime.ZONE).toInstant());
	}
}
