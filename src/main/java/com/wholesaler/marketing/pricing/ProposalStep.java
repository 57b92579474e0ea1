package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a price-adjustment proposal, who takes each and what the reviewers may decide. */
public enum ProposalStep implements ApprovalStep {
	PROPOSE(doneBy("提出建議", Role.GENERAL_ADMIN)),
	RULES(doneBy("規則檢查", null)),
	REVIEW_PLANNING_HEAD(decidedBy("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	APPROVE_DIRECTOR(decidedBy("營銷中心主任審批", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	APPROVE_EXECUTIVE(decidedBy("分管領導審批", Role.EXECUTIVE, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	AUTHORITY(doneBy("上報價格主管部門", Role.GENERAL_ADMIN)),
	EFFECTIVE(doneBy("價格生效", null)),
	NOTIFY(doneBy("通知相關部門", null)),
	REPORT_AFTERWARDS(doneBy("事後報備", Role.GENERAL_ADMIN));

	private final Definition definition;

	ProposalStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
