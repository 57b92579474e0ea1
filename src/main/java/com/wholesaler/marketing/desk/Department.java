package com.wholesaler.marketing.desk;

import java.util.Arrays;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;

/** A department of the center that plans its month, and the role that heads it. */
public enum Department {
	BRAND_PLANNING("品牌策劃部", Role.BRAND_PLANNING_HEAD), ORDER("訂單部", Role.ORDER_DEPT_HEAD);

	private final String chineseName;
	private final Role head;

	Department(String chineseName, Role head) {
		this.chineseName = chineseName;
		this.head = head;
	}

	public static Department named(Object name) {
		String text = name == null ? "" : name.toString().strip();
		return Arrays.stream(values()).filter(d -> d.name().equals(text)).findFirst()
				.orElseThrow(() -> new BusinessRuleException("請選擇部門：品牌策劃部或訂單部 (department)%s"
						.formatted(text.isEmpty() ? "" : "，沒有「" + BusinessTime.abbreviated(text) + "」")));
	}

	public String chineseName() {
		return chineseName;
	}

	public Role head() {
		return head;
	}
}
