package com.wholesaler.marketing.substitution;

public enum ShortageStep {
	PROPOSE("系統測算"), DRAFT("擬訂替代和投放方案"), REVIEW("品牌策劃部審核"), APPROVE_DIRECTOR("營銷中心主任審批"),
	PUBLISHED("投放控制量生效"), ENDED("結束");

	private final String chineseName;

	ShortageStep(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
