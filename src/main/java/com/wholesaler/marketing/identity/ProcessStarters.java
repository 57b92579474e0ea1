package com.wholesaler.marketing.identity;

import java.util.List;
import java.util.Map;

/** Which role may start which process (by process definition key). */
public final class ProcessStarters {

	public static final Map<String, List<Role>> BY_PROCESS = Map.ofEntries(
			Map.entry("purchasePlanApproval", List.of(Role.SUPPLY_MANAGER)),
			Map.entry("contractSigning", List.of(Role.GENERAL_ADMIN)),
			Map.entry("contractAmendment", List.of(Role.GENERAL_ADMIN, Role.SUPPLY_MANAGER)),
			Map.entry("priceAdjustment", List.of(Role.GENERAL_ADMIN)),
			Map.entry("shortageSubstitution", List.of(Role.SUPPLY_MANAGER)),
			Map.entry("annualTargets", List.of(Role.CENTER_DIRECTOR)),
			Map.entry("salesPlanApproval", List.of(Role.BRAND_PLANNING_HEAD)),
			Map.entry("manufacturerClassChange", List.of(Role.SUPPLY_MANAGER)),
			Map.entry("brandIntroduction", List.of(Role.SUPPLY_MANAGER)),
			Map.entry("brandCultivation", List.of(Role.BRAND_MANAGER)),
			Map.entry("brandPromotion", List.of(Role.BRAND_MANAGER)),
			// 部門工作計畫: each department head, or the deputy who organises the departments' plans (副主任職責 3)
			Map.entry("workPlan", List.of(Role.BRAND_PLANNING_HEAD, Role.ORDER_DEPT_HEAD, Role.DEPUTY_DIRECTOR)),
			// 上級價格通知: the general administrator enters what the price authority sends (綜合管理員職責)
			Map.entry("priceNotice", List.of(Role.GENERAL_ADMIN)));

	private ProcessStarters() {
	}
}
