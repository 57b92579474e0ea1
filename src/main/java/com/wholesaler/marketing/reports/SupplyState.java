package com.wholesaler.marketing.reports;

/**
 * 貨源狀態 of a product, by the rule written on the supply-state page. The order is the order of
 * precedence: a new product is new whatever its stock, a tight one is tight even with stock on hand.
 */
public enum SupplyState {
	NEW("新品", "在售規格，首次銷售在 90 天內或還沒有銷售。"),
	TIGHT("緊俏", "有投放控制限量在執行，或近 28 天因限量、缺貨未滿足的需求達到訂貨量的 5%，或庫存不夠預警天數的銷量。"),
	FULLY_MET("完全滿足", "沒有限量、近 28 天沒有未滿足的需求，庫存夠 14 天以上的銷量。"),
	BALANCED("均衡", "其餘在售規格：需求基本滿足，庫存不多不少。");

	/** What counts as a new product, and the window the demand is read over. */
	static final int NEW_DAYS = com.wholesaler.marketing.catalog.Catalog.NEW_PRODUCT_DAYS;
	static final int DEMAND_DAYS = 28;
	static final double TIGHT_UNMET_SHARE = 0.05;
	static final int FULLY_MET_COVER_DAYS = 14;

	private final String chineseName;
	private final String rule;

	SupplyState(String chineseName, String rule) {
		this.chineseName = chineseName;
		this.rule = rule;
	}

	public String chineseName() {
		return chineseName;
	}

	public String rule() {
		return rule;
	}
}
