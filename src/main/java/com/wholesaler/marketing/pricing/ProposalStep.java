package com.wholesaler.marketing.pricing;

import com.wholesaler.marketing.identity.Role;

/** The steps of a price-adjustment proposal and who takes each. */
public enum ProposalStep {
	PROPOSE("提出建議", Role.GENERAL_ADMIN),
	RULES("規則檢查", null),
	REVIEW_PLANNING_HEAD("品牌策劃部審核", Role.BRAND_PLANNING_HEAD),
	APPROVE_DIRECTOR("營銷中心主任審批", Role.CENTER_DIRECTOR),
	APPROVE_EXECUTIVE("分管領導審批", Role.EXECUTIVE),
	AUTHORITY("上報價格主管部門", Role.GENERAL_ADMIN),
	EFFECTIVE("價格生效", null),
	NOTIFY("通知相關部門", null),
	REPORT_AFTERWARDS("事後報備", Role.GENERAL_ADMIN);

	private final String chineseName;
	private final Role role;

	ProposalStep(String chineseName, Role role) {
		this.chineseName = chineseName;
		this.role = role;
	}

	public String chineseName() {
		return chineseName;
	}

	public Role role() {
		return role;
	}
}
