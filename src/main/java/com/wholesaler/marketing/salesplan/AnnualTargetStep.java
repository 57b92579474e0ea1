package com.wholesaler.marketing.salesplan;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of the year's targets: the director drafts (and revises), the executive approves or returns (提交分管領導審定). */
public enum AnnualTargetStep implements ApprovalStep {
	DRAFT(doneBy("營銷中心主任擬訂年度目標", Role.CENTER_DIRECTOR)),
	APPROVE(decidedBy("分管領導審定", Role.EXECUTIVE, Decision.APPROVE, Decision.RETURN)),
	APPROVED(doneBy("已審定", null));

	private final Definition definition;

	AnnualTargetStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
