package com.wholesaler.marketing.reports;

import java.util.Arrays;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;

/** What a supply-adjustment proposal asks for, and where it goes next. */
public enum AdjustmentAction {
	MORE_PURCHASE("增加購進", "合同變更：增加合同數量或補簽"), LESS_PURCHASE("減少購進", "合同變更：減少合同數量或延後到貨"),
	LIMIT("限量投放", "缺貨處理：貨源管理員發起替代和限量方案"), OTHER("其他", "記錄備查");

	private final String chineseName;
	private final String followUp;

	AdjustmentAction(String chineseName, String followUp) {
		this.chineseName = chineseName;
		this.followUp = followUp;
	}

	public static AdjustmentAction named(String name) {
		return Arrays.stream(values()).filter(a -> a.name().equals(name == null ? "" : name.strip())).findFirst()
				.orElseThrow(() -> new BusinessRuleException("請選擇建議的調整方式：增加購進、減少購進、限量投放或其他 (action)%s"
						.formatted(name == null || name.isBlank() ? "" : "，沒有「" + BusinessTime.abbreviated(name) + "」")));
	}

	public String chineseName() {
		return chineseName;
	}

	public String followUp() {
		return followUp;
	}

	public boolean amendsContracts() {
		return this == MORE_PURCHASE || this == LESS_PURCHASE;
	}
}
