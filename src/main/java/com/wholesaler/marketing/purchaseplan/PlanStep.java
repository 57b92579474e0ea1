package com.wholesaler.marketing.purchaseplan;

import java.util.Optional;

import com.wholesaler.marketing.identity.Role;

/** The steps a purchase plan goes through, in order, and who takes each. */
public enum PlanStep {

	DRAFT("起草計畫", Role.SUPPLY_MANAGER, false),
	CHECK("綜合審核", Role.GENERAL_ADMIN, false),
	REVIEW_PLANNING_HEAD("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, false),
	REVIEW_DIRECTOR("營銷中心主任審核", Role.CENTER_DIRECTOR, true),
	APPROVE_EXECUTIVE("分管領導審批", Role.EXECUTIVE, true);

	private final String chineseName;
	private final Role role;
	private final boolean mayReject;

	PlanStep(String chineseName, Role role, boolean mayReject) {
		this.chineseName = chineseName;
		this.role = role;
		this.mayReject = mayReject;
	}

	public String chineseName() {
		return chineseName;
	}

	public Role role() {
		return role;
	}

	public boolean mayReject() {
		return mayReject;
	}

	/** The review after this one, or empty when this is the final approval. */
	public Optional<PlanStep> next() {
		return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	/** Who an overdue review escalates to: the role of the next level up. */
	public Optional<Role> escalatesTo() {
		return this == DRAFT ? Optional.empty() : next().map(PlanStep::role);
	}

	public boolean isReview() {
		return this != DRAFT;
	}
}
