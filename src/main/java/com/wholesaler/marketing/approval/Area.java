package com.wholesaler.marketing.approval;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The center's areas of work (分管範圍) as the director assigns them to the deputy: the director-level
 * steps of an assigned area are offered to the deputy as well.
 */
public enum Area {
	PURCHASE_PLANS("購進計畫", List.of("purchasePlanApproval")),
	CONTRACTS("購銷合同及其變更", List.of("contractSigning", "contractAmendment")),
	PRICES("價格調整與上級價格通知", List.of("priceAdjustment", "priceNotice")),
	SHORTAGES("缺貨替代和投放限量", List.of("shortageSubstitution")),
	TARGETS("年度目標與銷售計畫", List.of("annualTargets", "salesPlanApproval")),
	WORK_PLANS("部門工作計畫", List.of("workPlan")),
	REPORTS("月度報表", List.of("monthlyReport")),
	SUPPLIERS("工業企業與品牌", List.of("manufacturerClassChange", "brandIntroduction", "brandCultivation", "brandPromotion"));

	private final String chineseName;
	private final List<String> processKeys;

	Area(String chineseName, List<String> processKeys) {
		this.chineseName = chineseName;
		this.processKeys = processKeys;
	}

	public String chineseName() {
		return chineseName;
	}

	public List<String> processKeys() {
		return processKeys;
	}

	public static Optional<Area> ofProcess(String processKey) {
		return Arrays.stream(values()).filter(a -> a.processKeys.contains(processKey)).findFirst();
	}
}
