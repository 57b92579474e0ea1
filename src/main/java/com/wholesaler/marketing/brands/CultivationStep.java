package com.wholesaler.marketing.brands;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a brand cultivation plan (品牌培育方案). */
public enum CultivationStep implements ApprovalStep {
	DRAFT(doneBy("品牌管理員制定培育方案", Role.BRAND_MANAGER)),
	APPROVE(decidedBy("營銷中心主任審批", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN)),
	EVALUATE(doneBy("品牌管理員季度評估", Role.BRAND_MANAGER));

	private final Definition definition;

	CultivationStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
