package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a limit exception: the clerk asks, the seat leader decides. */
public enum LimitExceptionStep implements ApprovalStep {
	ASK(doneBy("坐席申請超限量", Role.PHONE_CLERK)),
	REVIEW(decidedBy("坐席班長審批", Role.SEAT_LEADER, Decision.APPROVE, Decision.REJECT)),
	DECIDED(doneBy("已決定", null));

	private final Definition definition;

	LimitExceptionStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
