package com.wholesaler.marketing.ordering;

/** How a call ended: only a connected call carries an order. */
public enum CallOutcome {

	CONNECTED("接通"), NO_ANSWER("未接通"), HUNG_UP("中途掛斷");

	private final String chineseName;

	CallOutcome(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
