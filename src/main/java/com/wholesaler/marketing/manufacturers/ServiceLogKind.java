package com.wholesaler.marketing.manufacturers;

import java.util.Arrays;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** What a service-log entry records: a visit, a call, an issue raised or settled, anything else. */
public enum ServiceLogKind {
	VISIT("走訪"), CALL("電話溝通"), ISSUE("問題處理"), OTHER("其他");

	private final String chineseName;

	ServiceLogKind(String chineseName) {
		this.chineseName = chineseName;
	}

	public static ServiceLogKind named(String name) {
		return Arrays.stream(values()).filter(k -> k.name().equals(name == null ? "" : name.strip())).findFirst()
				.orElseThrow(() -> new BusinessRuleException("請選擇記錄類型：走訪、電話溝通、問題處理或其他 (kind)"));
	}

	public String chineseName() {
		return chineseName;
	}
}
