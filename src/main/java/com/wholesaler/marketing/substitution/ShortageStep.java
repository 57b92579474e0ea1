package com.wholesaler.marketing.substitution;

import java.util.Set;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a shortage case, who takes each and what the reviewers may decide. */
public enum ShortageStep implements ApprovalStep {
	PROPOSE("系統測算", null, Set.of()),
	DRAFT("擬訂替代和投放方案", Role.SUPPLY_MANAGER, Set.of()),
	REVIEW("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Set.of(Decision.values())),
	APPROVE_DIRECTOR("營銷中心主任審批", Role.CENTER_DIRECTOR, Set.of(Decision.values())),
	PUBLISHED("投放控制量生效", null, Set.of()),
	ENDED("結束", null, Set.of());

	private final String chineseName;
	private final Role role;
	private final Set<Decision> decisions;

	ShortageStep(String chineseName, Role role, Set<Decision> decisions) {
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
