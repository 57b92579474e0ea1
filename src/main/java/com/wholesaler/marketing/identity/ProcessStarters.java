package com.wholesaler.marketing.identity;

import java.util.List;
import java.util.Map;

/** Which role may start which process (by process definition key). */
public final class ProcessStarters {

	public static final Map<String, List<Role>> BY_PROCESS = Map.of(
			"purchasePlanApproval", List.of(Role.SUPPLY_MANAGER),
			"contractSigning", List.of(Role.GENERAL_ADMIN),
			"contractAmendment", List.of(Role.GENERAL_ADMIN, Role.SUPPLY_MANAGER),
			"priceAdjustment", List.of(Role.GENERAL_ADMIN),
			"shortageSubstitution", List.of(Role.SUPPLY_MANAGER),
			"annualTargets", List.of(Role.CENTER_DIRECTOR),
			"salesPlanApproval", List.of(Role.BRAND_PLANNING_HEAD),
			"manufacturerClassChange", List.of(Role.SUPPLY_MANAGER),
			"brandIntroduction", List.of(Role.SUPPLY_MANAGER),
			// 部門工作計畫: each department head, or the deputy who organises the departments' plans (副主任職責 3)
			"workPlan", List.of(Role.BRAND_PLANNING_HEAD, Role.ORDER_DEPT_HEAD, Role.DEPUTY_DIRECTOR));

	private ProcessStarters() {
	}
}
