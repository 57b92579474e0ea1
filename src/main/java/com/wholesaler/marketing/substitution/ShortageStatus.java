package com.wholesaler.marketing.substitution;

public enum ShortageStatus {
	DRAFTING("擬訂中"), IN_REVIEW("審批中"), ACTIVE("執行中"), EXPIRED("已到期"), RECOVERED("庫存已恢復"), REJECTED("已否決");

	private final String chineseName;

	ShortageStatus(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	public boolean isOpen() {
		return this == DRAFTING || this == IN_REVIEW || this == ACTIVE;
	}
}
