package com.wholesaler.marketing.purchaseplan;

public enum PlanStatus {
	DRAFTING("起草中"), IN_REVIEW("審批中"), APPROVED("已批准"), REJECTED("已否決"), WITHDRAWN("已撤回");

	private final String chineseName;

	PlanStatus(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	public boolean isClosed() {
		return this == APPROVED || this == REJECTED || this == WITHDRAWN;
	}
}
