package com.wholesaler.marketing.ordering;

/** What a retailer's question or complaint is about, as the rules table (feedback-routing.dmn) reads it. */
public enum FeedbackTopic {

	PRICE("價格"), QUALITY("產品質量"), SUPPLY("貨源供應"), SERVICE("服務"), POLICY("營銷政策");

	private final String chineseName;

	FeedbackTopic(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
