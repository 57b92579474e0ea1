package com.wholesaler.marketing.catalog;

/** Where a retailer trades: city, town or countryside (市場類型). */
public enum MarketType {
	URBAN("城市"), TOWN("城鎮"), RURAL("農村");

	private final String chineseName;

	MarketType(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
