package com.wholesaler.marketing.approval;

/** What a reviewer decides on a draft. */
public enum Decision {
	APPROVE("同意"), RETURN("退回修改"), REJECT("否決");

	private final String chineseName;

	Decision(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	/** Parses a form value; an unknown or missing value is a clear refusal, not a crash. */
	public static Decision of(Object value) {
		if (value != null) {
			for (Decision d : values()) {
				if (d.name().equals(value.toString())) {
					return d;
				}
			}
		}
		throw new BusinessRuleException("請選擇審核結果：同意、退回修改或否決 (choose a decision)");
	}
}
