package com.wholesaler.marketing.substitution;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a shortage case, who takes each and what the reviewers may decide. */
public enum ShortageStep implements ApprovalStep {
	PROPOSE(doneBy("系統測算", null)),
	DRAFT(doneBy("擬訂替代和投放方案", Role.SUPPLY_MANAGER)),
	REVIEW(decidedBy("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	APPROVE_DIRECTOR(decidedBy("營銷中心主任審批", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	PUBLISHED(doneBy("投放控制量生效", null)),
	ENDED(doneBy("結束", null));

	private final Definition definition;

	ShortageStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
