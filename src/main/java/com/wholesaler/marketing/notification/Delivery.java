package com.wholesaler.marketing.notification;

/** How a person wants to hear of a kind of notification. */
public enum Delivery {
	ON("即時通知"), DIGEST("每日 08:30 匯總"), OFF("不通知");

	private final String chineseName;

	Delivery(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
