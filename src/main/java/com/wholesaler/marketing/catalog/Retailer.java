package com.wholesaler.marketing.catalog;

/**
 * 零售客戶. The tier (檔位, 1-30, 30 the largest) is computed upstream and locked: this
 * application reads it and never edits it.
 */
public record Retailer(String code, String name, String regionCode, MarketType marketType, int tier, String status) {

	public static final int LOWEST_TIER = 1;
	public static final int HIGHEST_TIER = 30;
}
