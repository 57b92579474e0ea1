package com.wholesaler.marketing.approval;

import org.springframework.stereotype.Component;

/**
 * What a model's gateway after a decision step reads: the decision the approval core recorded on the
 * case's sheet for the signed-in user, e.g. {@code ${approvals.decision(planNumber) == 'APPROVE'}},
 * never the form's variable, which a client could have sent. Reads only: the models may call it.
 */
@Component("approvals")
@ModelExpression
public class ApprovalDecisions {

	private final ApprovalSheet sheet;

	ApprovalDecisions(ApprovalSheet sheet) {
		this.sheet = sheet;
	}

	/** APPROVE, APPROVE_URGENT, RETURN or REJECT, the last recorded on the case's sheet; "" when none. */
	public String decision(String sheetNumber) {
		return sheet.decision(sheetNumber);
	}
}
