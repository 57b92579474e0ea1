package com.wholesaler.marketing.contract;

/** What an amendment (合同變更、補充) changes. */
public enum AmendmentKind {
	QUANTITY("數量變更"), PRICE("價格變更"), SCHEDULE("交貨安排變更"), SUPPLEMENT("補充品規");

	private final String chineseName;

	AmendmentKind(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
