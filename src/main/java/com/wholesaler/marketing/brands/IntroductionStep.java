package com.wholesaler.marketing.brands;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a new product's introduction (品牌引入). */
public enum IntroductionStep implements ApprovalStep {
	PROPOSE(doneBy("貨源管理員提出引入", Role.SUPPLY_MANAGER)),
	EVALUATE(doneBy("品牌管理員評估", Role.BRAND_MANAGER)),
	REVIEW(decidedBy("品牌策劃部主任審核", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN)),
	APPROVE(decidedBy("營銷中心主任審批", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN));

	private final Definition definition;

	IntroductionStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
