package com.wholesaler.marketing.pricing;

import java.util.Map;

/** Ids of the price-adjustment model that code refers to, and its variables. */
public final class PriceAdjustmentProcess {

	public static final String PROCESS_ID = "priceAdjustment";
	public static final String DECISION_ID = "priceAdjustmentRules";
	public static final String MESSAGE_PRICE_DECISION = "PriceDecision";

	public static final String TASK_CHECK_RULES = "Task_CheckPriceRules";
	public static final String TASK_REVISE = "Task_ReviseProposal";
	public static final String TASK_REVIEW = "Task_ReviewProposal";
	public static final String TASK_APPROVE_DIRECTOR = "Task_ApproveByDirector";
	public static final String TASK_APPROVE_EXECUTIVE = "Task_ApproveByExecutive";
	public static final String TASK_REPORT = "Task_ReportToAuthority";
	public static final String TASK_RECORD_DECISION = "Task_RecordAuthorityDecision";
	public static final String TASK_APPLY_PRICES = "Task_ApplyPrices";
	public static final String TASK_APPLY_PRICES_NOW = "Task_ApplyPricesNow";
	public static final String TASK_ACK_ORDER_DEPT = "Task_AcknowledgeOrderDept";
	public static final String TASK_ACK_SEAT_LEADER = "Task_AcknowledgeSeatLeader";
	public static final String TASK_ACK_REGIONAL = "Task_AcknowledgeRegional";
	public static final String TASK_REPORT_AFTERWARDS = "Task_ReportAfterwards";
	public static final String TASK_READ_OUTCOME = "Task_ReadOutcome";
	public static final String EVENT_EFFECTIVE_DATE = "Event_EffectiveDate";
	public static final String EVENT_AUTHORITY_OVERDUE = "Event_AuthorityOverdue";
	public static final String EVENT_DECISION_RECEIVED = "Event_PriceDecisionReceived";

	// variables
	public static final String PROPOSAL_NUMBER = "proposalNumber";
	public static final String PROPOSER = "proposer";
	public static final String LINES = "lines";
	public static final String REASON = "reason";
	public static final String EFFECTIVE_DATE = "effectiveDate";
	public static final String RULES_PASSED = "rulesPassed";
	public static final String NEEDS_EXECUTIVE = "needsExecutive";
	public static final String URGENT_ALLOWED = "urgentAllowed";
	/** Set by the director's decision: the new prices apply at once and the report follows. */
	public static final String URGENT = "urgent";
	public static final String DECISION = "decision";
	public static final String COMMENT = "comment";
	public static final String REVISE_ACTION = "reviseAction";
	public static final String AUTHORITY_DECISION = "authorityDecision";
	public static final String AUTHORITY_REASON = "authorityReason";
	public static final String FINAL_PRICES = "finalPrices";
	public static final String REPORT_REFERENCE = "reportReference";

	static final Map<String, ProposalStep> STEP_BY_TASK = Map.of(
			TASK_REVIEW, ProposalStep.REVIEW_PLANNING_HEAD,
			TASK_APPROVE_DIRECTOR, ProposalStep.APPROVE_DIRECTOR,
			TASK_APPROVE_EXECUTIVE, ProposalStep.APPROVE_EXECUTIVE);

	private PriceAdjustmentProcess() {
	}
}
