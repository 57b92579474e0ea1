package com.wholesaler.marketing.manufacturers;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** A manufacturer's class change: proposed by the supply manager, approved or rejected by the brand-planning head. */
public enum ClassChangeStep implements ApprovalStep {
	PROPOSE(doneBy("貨源管理員提出分類調整", Role.SUPPLY_MANAGER)),
	DECIDE(decidedBy("品牌策劃部主任審定", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.REJECT));

	private final Definition definition;

	ClassChangeStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
