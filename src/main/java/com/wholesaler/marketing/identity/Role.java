package com.wholesaler.marketing.identity;

import java.util.Arrays;
import java.util.Optional;

/** The marketing center's roles; each is a Camunda group with exactly this id. */
public enum Role {

	EXECUTIVE("executive", "分管領導", "Executive in charge"),
	CENTER_DIRECTOR("centerDirector", "營銷中心主任", "Center director"),
	DEPUTY_DIRECTOR("deputyDirector", "營銷中心副主任", "Deputy director"),
	BRAND_PLANNING_HEAD("brandPlanningHead", "品牌策劃部主任", "Brand-planning head"),
	GENERAL_ADMIN("generalAdmin", "綜合管理員", "General administrator"),
	SUPPLY_MANAGER("supplyManager", "貨源管理員", "Supply manager"),
	BRAND_MANAGER("brandManager", "品牌管理員", "Brand manager"),
	ORDER_DEPT_HEAD("orderDeptHead", "訂單部主任", "Order-department head"),
	SEAT_LEADER("seatLeader", "坐席班長", "Seat leader"),
	PHONE_CLERK("phoneClerk", "電話訂貨員", "Phone-order clerk"),
	REGIONAL_MARKETING("regionalMarketing", "區域市場部", "Regional marketing"),
	PROCESS_OWNER("processOwner", "流程管理員", "Process owner");

	/** The engine's built-in administrators group. */
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/**
	 * The accounts through which the trading platform and the price authority deliver their messages
	 * (a countersignature, a price decision): a system group, not a role of the center.
	 */
	public static final String INTEGRATION = "integration";

	private final String groupId;
	private final String chineseName;
	private final String englishName;

	Role(String groupId, String chineseName, String englishName) {
		this.groupId = groupId;
		this.chineseName = chineseName;
		this.englishName = englishName;
	}

	public String groupId() {
		return groupId;
	}

	public String chineseName() {
		return chineseName;
	}

	public String englishName() {
		return englishName;
	}

	/** Roles that decide on other people's drafts; they get the approval filter. */
	public boolean isApprover() {
		return this == EXECUTIVE || this == CENTER_DIRECTOR || this == DEPUTY_DIRECTOR || this == BRAND_PLANNING_HEAD;
	}

	public static Optional<Role> ofGroupId(String groupId) {
		return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
	}

	/**
	 * The role one level up, who may stand in for this one: the department's head for its staff, the
	 * center director for the heads, the executive in charge for the director. Empty at the top.
	 */
	public Optional<Role> above() {
		return Optional.ofNullable(switch (this) {
			case EXECUTIVE, PROCESS_OWNER -> null;
			case CENTER_DIRECTOR -> EXECUTIVE;
			case DEPUTY_DIRECTOR, BRAND_PLANNING_HEAD, ORDER_DEPT_HEAD, REGIONAL_MARKETING -> CENTER_DIRECTOR;
			case GENERAL_ADMIN, SUPPLY_MANAGER, BRAND_MANAGER -> BRAND_PLANNING_HEAD;
			case SEAT_LEADER -> ORDER_DEPT_HEAD;
			case PHONE_CLERK -> SEAT_LEADER;
		});
	}
}
