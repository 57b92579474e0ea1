package com.wholesaler.marketing.ordering;

/** What a special event (特殊資訊) concerns, as the seed lists them: 裝置異常、客戶異常、產品異常. */
public enum SpecialEventKind {

	DEVICE("裝置異常"), CUSTOMER("客戶異常"), PRODUCT("產品異常");

	private final String chineseName;

	SpecialEventKind(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
