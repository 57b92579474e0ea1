package com.wholesaler.marketing.approval;

import java.time.LocalDateTime;

/** One entry of a case's approval sheet (審批單), in every process: a step, what happened, who, what they said. */
public record ApprovalEvent(String step, String stepName, ApprovalEventType type, String comment, String actor,
		LocalDateTime occurredAt) implements ApprovalSheetEntry {

	@Override
	public String typeName() {
		return type.chineseName();
	}

	@Override
	public String kind() {
		return type.name();
	}
}
