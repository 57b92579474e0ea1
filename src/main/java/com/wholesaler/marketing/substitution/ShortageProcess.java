package com.wholesaler.marketing.substitution;

/** Ids of the shortage models that code refers to, and their variables. */
public final class ShortageProcess {

	public static final String PROCESS_ID = "shortageSubstitution";
	public static final String WARNING_PROCESS_ID = "stockWarning";
	public static final String MESSAGE_STOCK_RECOVERED = "StockRecovered";
	/** The supply manager re-plans the limits of a case in force (貨源管理員「適時調整…投放計畫」). */
	public static final String MESSAGE_REPLAN = "ReplanLimits";
	public static final String TIER_WEIGHT_DECISION = "tierWeight";

	public static final String TASK_PROPOSE = "Task_ProposeSubstitution";
	public static final String TASK_DRAFT = "Task_DraftSubstitutionPlan";
	public static final String TASK_REVIEW = "Task_ReviewSubstitutionPlan";
	public static final String TASK_APPROVAL_RULE = "Task_CheckApprovalRule";
	public static final String TASK_APPROVE_DIRECTOR = "Task_ApproveByDirector";
	public static final String TASK_PUBLISH = "Task_PublishLimits";
	public static final String TASK_ACK_SEAT_LEADER = "Task_AcknowledgeLimits";
	public static final String TASK_INFORM_BRAND_MANAGER = "Task_InformBrandManager";
	public static final String TASK_INFORM_REGIONAL = "Task_InformRegional";
	public static final String EVENT_VALIDITY_ENDED = "Event_ValidityEnded";
	public static final String EVENT_STOCK_RECOVERED = "Event_StockRecovered";
	public static final String EVENT_REPLAN = "Event_ReplanRequested";

	// variables
	public static final String CASE_NUMBER = "caseNumber";
	public static final String PRODUCT_CODE = "productCode";
	public static final String NOTE = "note";
	public static final String SUBSTITUTES = "substitutes";
	public static final String LIMIT_CHANGES = "limitChanges";
	public static final String VALID_FROM = "validFrom";
	public static final String VALID_TO = "validTo";
	public static final String PRICE_CLASS = "priceClass";
	public static final String LOWER_LIMIT_SHARE = "lowerLimitShare";
	public static final String NEEDS_DIRECTOR = "needsDirector";
	public static final String DECISION = "decision";
	public static final String COMMENT = "comment";

	private ShortageProcess() {
	}
}
