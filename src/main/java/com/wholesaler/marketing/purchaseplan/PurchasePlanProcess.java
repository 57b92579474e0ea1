package com.wholesaler.marketing.purchaseplan;

import java.util.Map;

/** Ids of the purchase-plan approval model that code refers to, and its variables. */
public final class PurchasePlanProcess {

	public static final String PROCESS_ID = "purchasePlanApproval";

	public static final String TASK_PROPOSE_QUANTITIES = "Task_ProposeQuantities";
	public static final String TASK_DRAFT = "Task_DraftPlan";
	public static final String TASK_CHECK = "Task_CheckPlan";
	public static final String TASK_REVIEW_PLANNING_HEAD = "Task_ReviewByPlanningHead";
	public static final String TASK_REVIEW_DIRECTOR = "Task_ReviewByDirector";
	public static final String TASK_APPROVE_EXECUTIVE = "Task_ApproveByExecutive";
	public static final String TASK_REQUEST_CONTRACTS = "Task_RequestContracts";
	public static final String TASK_REMIND_REVIEWER = "Task_RemindReviewer";
	public static final String TASK_ESCALATE_REVIEW = "Task_EscalateReview";

	public static final String EVENT_APPROVED = "Event_PlanApproved";
	public static final String EVENT_REJECTED = "Event_PlanRejected";
	public static final String EVENT_WITHDRAWN = "Event_PlanWithdrawn";
	public static final String EVENT_REVIEWER_REMINDED = "Event_ReviewerReminded";
	public static final String EVENT_REVIEW_ESCALATED = "Event_ReviewEscalated";

	/** The message an approved plan sends per manufacturer while no contract process is deployed. */
	public static final String CONTRACT_PROCESS_ID = "contractSigning";

	// variables
	public static final String PLAN_NUMBER = "planNumber";
	public static final String PERIOD = "period";
	public static final String NOTE = "note";
	public static final String DRAFTER = "drafter";
	public static final String DRAFT_ACTION = "draftAction";
	public static final String SUBMIT_NOTE = "submitNote";
	public static final String DECISION = "decision";
	public static final String COMMENT = "comment";
	public static final String MANUFACTURER_CODE = "manufacturerCode";

	/** The plan step each user task is. */
	static final Map<String, PlanStep> STEP_BY_TASK = Map.of(
			TASK_DRAFT, PlanStep.DRAFT,
			TASK_CHECK, PlanStep.CHECK,
			TASK_REVIEW_PLANNING_HEAD, PlanStep.REVIEW_PLANNING_HEAD,
			TASK_REVIEW_DIRECTOR, PlanStep.REVIEW_DIRECTOR,
			TASK_APPROVE_EXECUTIVE, PlanStep.APPROVE_EXECUTIVE);

	static PlanStep stepOf(String taskDefinitionKey) {
		PlanStep step = STEP_BY_TASK.get(taskDefinitionKey);
		if (step == null) {
			throw new IllegalStateException("not a purchase-plan step: " + taskDefinitionKey);
		}
		return step;
	}

	private PurchasePlanProcess() {
	}
}
