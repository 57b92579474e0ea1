package com.wholesaler.marketing.purchaseplan;

import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalSheetEntry;

/** One entry of a plan's history: a decision with its comment, user and time, or a reminder. */
public record PlanEvent(PlanStep step, PlanEventType type, String comment, String actor, LocalDateTime occurredAt)
		implements ApprovalSheetEntry {

	@Override
	public String stepName() {
		return step.chineseName();
	}

	@Override
	public String typeName() {
		return type.chineseName();
	}

	@Override
	public String kind() {
		return type.name();
	}
}
