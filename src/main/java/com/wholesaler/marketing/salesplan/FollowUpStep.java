package com.wholesaler.marketing.salesplan;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.identity.Role;

/** The steps of a follow-up (督辦): asked by the brand-planning head or the director, answered by the region. */
public enum FollowUpStep implements ApprovalStep {
	REQUEST(doneBy("督辦區域銷售進度", Role.BRAND_PLANNING_HEAD)),
	ANSWER(doneBy("區域市場部答覆措施", Role.REGIONAL_MARKETING));

	private final Definition definition;

	FollowUpStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
