package com.wholesaler.marketing.purchaseplan;

import static com.wholesaler.marketing.approval.ApprovalStep.Definition.decidedBy;
import static com.wholesaler.marketing.approval.ApprovalStep.Definition.doneBy;

import java.util.Optional;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps a purchase plan goes through, in order, who takes each and what they may decide. */
public enum PlanStep implements ApprovalStep {
	DRAFT(doneBy("起草計畫", Role.SUPPLY_MANAGER)),
	CHECK(decidedBy("綜合審核", Role.GENERAL_ADMIN, Decision.APPROVE, Decision.RETURN)),
	REVIEW_PLANNING_HEAD(decidedBy("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN)),
	// only the director and the executive may reject a plan outright
	REVIEW_DIRECTOR(decidedBy("營銷中心主任審核", Role.CENTER_DIRECTOR, Decision.APPROVE, Decision.RETURN, Decision.REJECT)),
	APPROVE_EXECUTIVE(decidedBy("分管領導審批", Role.EXECUTIVE, Decision.APPROVE, Decision.RETURN, Decision.REJECT));

	private final Definition definition;

	PlanStep(Definition definition) {
		this.definition = definition;
	}

	@Override
	public Definition definition() {
		return definition;
	}

	/** The review after this one, or empty when this is the final approval. */
	public Optional<PlanStep> next() {
		return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	/** Who an overdue review escalates to: the role of the next level up. */
	@Override
	public Optional<Role> escalatesTo() {
		return this == DRAFT ? Optional.empty() : next().map(PlanStep::role);
	}

	public boolean isReview() {
		return this != DRAFT;
	}
}
