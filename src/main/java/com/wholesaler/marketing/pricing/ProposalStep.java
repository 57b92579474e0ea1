package com.wholesaler.marketing.pricing;

import java.util.Set;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a price-adjustment proposal, who takes each and what the reviewers may decide. */
public enum ProposalStep implements ApprovalStep {
	PROPOSE("提出建議", Role.GENERAL_ADMIN, Set.of()),
	RULES("規則檢查", null, Set.of()),
	REVIEW_PLANNING_HEAD("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Set.of(Decision.values())),
	APPROVE_DIRECTOR("營銷中心主任審批", Role.CENTER_DIRECTOR, Set.of(Decision.values())),
	APPROVE_EXECUTIVE("分管領導審批", Role.EXECUTIVE, Set.of(Decision.values())),
	AUTHORITY("上報價格主管部門", Role.GENERAL_ADMIN, Set.of()),
	EFFECTIVE("價格生效", null, Set.of()),
	NOTIFY("通知相關部門", null, Set.of()),
	REPORT_AFTERWARDS("事後報備", Role.GENERAL_ADMIN, Set.of());

	private final String chineseName;
	private final Role role;
	private final Set<Decision> decisions;

	ProposalStep(String chineseName, Role role, Set<Decision> decisions) {
		this.chineseName = chineseName;
		this.role = role;
		this.decisions = decisions;
	}

	@Override
	public String chineseName() {
		return chineseName;
	}

	@Override
	public Role role() {
		return role;
	}

	@Override
	public Set<Decision> decisions() {
		return decisions;
	}
}
