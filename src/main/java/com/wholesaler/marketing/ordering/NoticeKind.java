package com.wholesaler.marketing.ordering;

/** What a notice read to the retailers is about: 宣傳方針政策, a price change, a new product. */
public enum NoticeKind {

	POLICY("方針政策"), PRICE("價格資訊"), NEW_PRODUCT("新品");

	private final String chineseName;

	NoticeKind(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
