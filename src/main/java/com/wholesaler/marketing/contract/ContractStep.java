package com.wholesaler.marketing.contract;

import java.util.Set;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps of a contract and of its amendments, who takes each and what the reviewers may decide. */
public enum ContractStep implements ApprovalStep {
	DRAFT("擬制合同", Role.GENERAL_ADMIN, Set.of()),
	REVIEW("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Set.of(Decision.values())),
	APPROVE("營銷中心主任審批", Role.CENTER_DIRECTOR, Set.of(Decision.values())),
	SIGNING("會簽", Role.BRAND_PLANNING_HEAD, Set.of()),
	PERFORMANCE("履行（到貨、發票、付款）", Role.GENERAL_ADMIN, Set.of()),
	/** An amendment's request and its taking effect. */
	AMENDMENT("合同變更", null, Set.of()),
	// an amendment is approved or rejected, never returned: the requester asks anew
	AMENDMENT_REVIEW("品牌策劃部審核變更", Role.BRAND_PLANNING_HEAD, Set.of(Decision.APPROVE, Decision.REJECT)),
	AMENDMENT_APPROVE("營銷中心主任審批變更", Role.CENTER_DIRECTOR, Set.of(Decision.APPROVE, Decision.REJECT));

	private final String chineseName;
	private final Role role;
	private final Set<Decision> decisions;

	ContractStep(String chineseName, Role role, Set<Decision> decisions) {
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
