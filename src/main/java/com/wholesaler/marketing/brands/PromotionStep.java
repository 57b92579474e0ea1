package com.wholesaler.marketing.brands;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a brand promotion (品牌推廣活動: 推介會、展銷會、促銷). */
public enum PromotionStep implements ApprovalStep {
	PROPOSE(doneBy("品牌管理員提出活動", Role.BRAND_MANAGER)),
	REVIEW(decidedBy("品牌策劃部主任審核", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN)),
	APPROVE(decidedBy("營銷中心主任審批", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN)),
	RESULTS(doneBy("品牌管理員記錄活動效果", Role.BRAND_MANAGER));

	private final Definition definition;

	PromotionStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
