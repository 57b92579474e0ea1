package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a price notice from the authority (上級價格通知). */
public enum NoticeStep implements ApprovalStep {
	RECORD(doneBy("綜合管理員錄入上級通知", Role.GENERAL_ADMIN)),
	CHECK(decidedBy("品牌策劃部主任核對", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN)),
	EFFECTIVE(doneBy("價格生效", null)),
	NOTIFY(doneBy("相關部門知悉", null));

	private final Definition definition;

	NoticeStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}
}
