package com.wholesaler.marketing.purchaseplan;

import java.util.Optional;
import java.util.Set;

import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;

/** The steps a purchase plan goes through, in order, who takes each and what they may decide. */
public enum PlanStep implements ApprovalStep {

	DRAFT("起草計畫", Role.SUPPLY_MANAGER, Set.of()),
	CHECK("綜合審核", Role.GENERAL_ADMIN, Set.of(Decision.APPROVE, Decision.RETURN)),
	REVIEW_PLANNING_HEAD("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Set.of(Decision.APPROVE, Decision.RETURN)),
	// only the director and the executive may reject a plan outright
	REVIEW_DIRECTOR("營銷中心主任審核", Role.CENTER_DIRECTOR, Set.of(Decision.values())),
	APPROVE_EXECUTIVE("分管領導審批", Role.EXECUTIVE, Set.of(Decision.values()));

	private final String chineseName;
	private final Role role;
	private final Set<Decision> decisions;

	PlanStep(String chineseName, Role role, Set<Decision> decisions) {
		this.chineseName = chineseName;
		this.role = role;
		this.decisions = decisions;
	}

	@Override
	public String chineseName() {
		return chineseName;
	}

	@Override
	public Role role() {
		return role;
	}

	@Override
	public Set<Decision> decisions() {
		return decisions;
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
