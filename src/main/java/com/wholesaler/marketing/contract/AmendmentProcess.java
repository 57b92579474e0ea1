package com.wholesaler.marketing.contract;

/** Ids of the amendment model that code refers to, and its variables. */
public final class AmendmentProcess {

	public static final String PROCESS_ID = "contractAmendment";
	public static final String DECISION_ID = "contractAmendmentApproval";
	public static final String TASK_REVIEW = "Task_ReviewAmendment";
	public static final String TASK_APPROVE = "Task_ApproveAmendment";

	// variables
	public static final String CONTRACT_NUMBER = "contractNumber";
	public static final String AMENDMENT_NUMBER = "amendmentNumber";
	public static final String AMENDMENT_KIND = "amendmentKind";
	public static final String AMENDMENT_LINES = "amendmentLines";
	public static final String REASON = "reason";
	public static final String DELIVERY_SCHEDULE = "deliverySchedule";
	public static final String QUANTITY_CHANGE_PERCENT = "quantityChangePercent";
	public static final String PRICE_CHANGED = "priceChanged";
	public static final String APPROVAL_ROUTE = "approvalRoute";
	public static final String DECISION = "decision";
	public static final String COMMENT = "comment";

	private AmendmentProcess() {
	}
}
