package com.wholesaler.marketing.desk;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a department's month plan: drafted by its head (or the deputy), approved by the director, reported at month end. */
public enum WorkPlanStep implements ApprovalStep {
	DRAFT(doneBy("部門擬訂工作計畫", null)),
	APPROVE(decidedBy("營銷中心主任審定", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN)),
	REPORT(doneBy("月底報告完成情況", null));

	private final Definition definition;

	WorkPlanStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
