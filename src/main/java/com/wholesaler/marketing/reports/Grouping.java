package com.wholesaler.marketing.reports;

import java.util.Arrays;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;

/** What a report's rows add up by. */
public enum Grouping {
	PRODUCT("規格", "product"), BRAND("品牌", "brand"), MANUFACTURER("工業企業", "manufacturer"), PRICE_CLASS("價類", "class");

	private final String chineseName;
	private final String param;

	Grouping(String chineseName, String param) {
		this.chineseName = chineseName;
		this.param = param;
	}

	/** The grouping a page's field names; by product when empty. */
	public static Grouping of(String param) {
		if (param == null || param.isBlank()) {
			return PRODUCT;
		}
		return Arrays.stream(values()).filter(g -> g.param.equals(param.strip())).findFirst()
				.orElseThrow(() -> new BusinessRuleException("沒有「%s」這種匯總方式，請選規格、品牌、工業企業或價類 (grouping)"
						.formatted(BusinessTime.abbreviated(param))));
	}

	public String chineseName() {
		return chineseName;
	}

	public String param() {
		return param;
	}
}
