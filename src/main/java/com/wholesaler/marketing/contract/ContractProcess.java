package com.wholesaler.marketing.contract;

/** Ids of the contract model that code refers to, and its variables. */
public final class ContractProcess {

	public static final String PROCESS_ID = "contractSigning";
	public static final String MESSAGE_COUNTERSIGNED = "ContractCountersigned";

	public static final String TASK_DRAFT = "Task_DraftContract";
	public static final String TASK_REVIEW = "Task_ReviewContract";
	public static final String TASK_APPROVE = "Task_ApproveContract";
	public static final String TASK_SEND = "Task_SendToManufacturer";
	public static final String TASK_RECORD_SIGNING = "Task_RecordSigning";
	public static final String TASK_DECIDE_UNSIGNED = "Task_DecideUnsigned";
	public static final String TASK_CONFIRM_ARRIVAL = "Task_ConfirmArrival";
	public static final String EVENT_COUNTERSIGNED = "Event_Countersigned";
	public static final String EVENT_SIGNING_REMINDER = "Event_SigningReminder";
	public static final String EVENT_SIGNING_ESCALATION = "Event_SigningEscalation";

	// variables
	public static final String CONTRACT_NUMBER = "contractNumber";
	public static final String PLAN_NUMBER = "planNumber";
	public static final String MANUFACTURER_CODE = "manufacturerCode";
	public static final String PERIOD = "period";
	public static final String REASON = "reason";
	public static final String LINE_CHANGES = "lineChanges";
	public static final String PAYMENT_TERMS = "paymentTerms";
	public static final String DELIVERY_SCHEDULE = "deliverySchedule";
	public static final String DECISION = "decision";
	public static final String COMMENT = "comment";
	public static final String PLATFORM_CONTRACT_NUMBER = "platformContractNumber";
	public static final String UNSIGNED_ACTION = "unsignedAction";
	public static final String ARRIVAL_RECORD = "arrivalRecord";
	public static final String DAMAGE = "damage";
	public static final String ARRIVAL_NOTE = "arrivalNote";
	public static final String ALL_DELIVERED = "allDelivered";
	public static final String INVOICE_NUMBER = "invoiceNumber";
	public static final String INVOICE_DATE = "invoiceDate";
	public static final String AMOUNT_EXCLUDING_TAX = "amountExcludingTax";
	public static final String TAX = "tax";
	public static final String INVOICE_LINES = "invoiceLines";
	public static final String CHECK_TYPE = "checkType";
	public static final String INVOICE_MATCHES = "invoiceMatches";
	public static final String DISCREPANCY_ACTION = "discrepancyAction";
	public static final String PAYMENT_DECISION = "paymentDecision";
	public static final String REFUSAL_CODE = "refusalCode";
	public static final String ALL_PAID = "allPaid";
	public static final String TERMINATION_REASON = "terminationReason";
	public static final String TERMINATED_BY = "terminatedBy";
	public static final String MESSAGE_TERMINATE = "ContractTerminated";
	public static final String TASK_CHECK_INVOICE = "Task_CheckInvoice";
	public static final String TASK_RESOLVE_DISCREPANCY = "Task_ResolveDiscrepancy";
	public static final String TASK_DECIDE_PAYMENT = "Task_DecidePayment";
	public static final String EVENT_ACCEPTANCE_TIME_UP = "Event_AcceptanceTimeUp";

	private ContractProcess() {
	}
}
