package com.wholesaler.marketing.approval;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** 代理: from one date to another, a colleague decides what waits for the principal. Ends by itself or early. */
public record StandIn(long id, String principal, String standIn, LocalDate validFrom, LocalDate validTo, LocalDateTime endedAt,
		String endedBy, String createdBy, LocalDateTime createdAt) {

	public boolean isActiveOn(LocalDate day) {
		return endedAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
	}

	/** Not ended early and not past its last day. */
	public boolean isCurrentOrComing(LocalDate today) {
		return endedAt == null && !today.isAfter(validTo);
	}
}
