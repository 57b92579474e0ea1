package com.wholesaler.marketing.contract;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a contract and of its amendments, who takes each and what the reviewers may decide. */
public enum ContractStep implements ApprovalStep {
	DRAFT(doneBy("擬制合同", Role.GENERAL_ADMIN)),
	REVIEW(decidedBy("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	APPROVE(decidedBy("營銷中心主任審批", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	SIGNING(doneBy("會簽", Role.BRAND_PLANNING_HEAD)),
	PERFORMANCE(doneBy("履行（到貨、發票、付款）", Role.GENERAL_ADMIN)),
	/** An amendment's request and its taking effect. */
	AMENDMENT(doneBy("合同變更", null)),
	// an amendment is approved or rejected, never returned: the requester asks anew
	AMENDMENT_REVIEW(decidedBy("品牌策劃部審核變更", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.REJECT)),
	AMENDMENT_APPROVE(decidedBy("營銷中心主任審批變更", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.REJECT));

	private final Definition definition;

	ContractStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
