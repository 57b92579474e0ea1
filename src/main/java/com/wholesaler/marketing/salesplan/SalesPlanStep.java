package com.wholesaler.marketing.salesplan;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/**
 * The steps of a month's sales plan: the brand-planning head drafts it from the system's proposal, the
 * general administrator splits it over the regions, the director reviews, the executive approves
 * (「提交分管領導審定」), each region acknowledges its targets.
 */
public enum SalesPlanStep implements ApprovalStep {
	DRAFT(doneBy("品牌策劃部起草銷售計畫", Role.BRAND_PLANNING_HEAD)),
	SPLIT(doneBy("綜合管理員分解到區域", Role.GENERAL_ADMIN)),
	REVIEW(decidedBy("營銷中心主任審核", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN)),
	APPROVE(decidedBy("分管領導審定", Role.EXECUTIVE, Decision.APPROVE, Decision.RETURN)),
	ACKNOWLEDGE(doneBy("區域市場部知悉銷售任務", Role.REGIONAL_MARKETING));

	private final Definition definition;

	SalesPlanStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
