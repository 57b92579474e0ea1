package com.wholesaler.marketing.reports;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of the month's report pack: compiled by the general administrator, reviewed by the director, read by the executive. */
public enum ReportPackStep implements ApprovalStep {
	COMPILE(doneBy("綜合管理員彙編月度報表", Role.GENERAL_ADMIN)),
	REVIEW(decidedBy("營銷中心主任審核", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN)),
	READ(doneBy("分管領導閱知", Role.EXECUTIVE));

	private final Definition definition;

	ReportPackStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
