package com.wholesaler.marketing.purchaseplan;

import java.time.LocalDateTime;
import java.time.YearMonth;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;

/**
 * 購進計畫: a month's purchases, drafted by a supply manager and approved level by level. The plan
 * refuses every change its state does not allow; its lines are kept beside it (there may be hundreds).
 */
public class PurchasePlan {

	private final String planNumber;
	private final YearMonth period;
	private final String note;
	private final String drafter;
	private final LocalDateTime createdAt;
	private PlanStatus status;
	private PlanStep currentStep;
	private LocalDateTime submittedAt;
	private LocalDateTime closedAt;
	private String processInstanceId;
	private final int version;

	PurchasePlan(String planNumber, YearMonth period, String note, String drafter, LocalDateTime createdAt,
			PlanStatus status, PlanStep currentStep, LocalDateTime submittedAt, LocalDateTime closedAt,
			String processInstanceId, int version) {
		this.planNumber = planNumber;
		this.period = period;
		this.note = note;
		this.drafter = drafter;
		this.createdAt = createdAt;
		this.status = status;
		this.currentStep = currentStep;
		this.submittedAt = submittedAt;
		this.closedAt = closedAt;
		this.processInstanceId = processInstanceId;
		this.version = version;
	}

	/** A new plan for a month that has not passed yet. */
	static PurchasePlan draft(String planNumber, YearMonth period, String note, String drafter, LocalDateTime now) {
		if (period.isBefore(YearMonth.from(now))) {
			throw new BusinessRuleException("計畫月份 %s 已經過去，請選擇本月或以後的月份 (the period is in the past)".formatted(period));
		}
		if (note != null && note.length() > 500) {
			throw new BusinessRuleException("備註不能超過 500 字 (note too long)");
		}
		return new PurchasePlan(planNumber, period, note, drafter, now, PlanStatus.DRAFTING, PlanStep.DRAFT, null, null, null, 0);
	}

	void attachTo(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** The drafter hands the plan in for review. */
	void submit(String by, int plannedLines, LocalDateTime now) {
		requireDrafting();
		requireDrafter(by, "提交");
		if (plannedLines == 0) {
			throw new BusinessRuleException("計畫中沒有任何計畫數量大於零的品規，不能提交 (the plan has no lines)");
		}
		status = PlanStatus.IN_REVIEW;
		currentStep = PlanStep.CHECK;
		submittedAt = now;
	}

	void withdraw(String by, LocalDateTime now) {
		requireDrafting();
		requireDrafter(by, "撤回");
		status = PlanStatus.WITHDRAWN;
		currentStep = null;
		closedAt = now;
	}

	/**
	 * A reviewer decides at their step. Whoever drafted the plan may not decide on it; a return or
	 * rejection needs a comment; only the director and the executive may reject.
	 */
	void decide(PlanStep step, String by, Decision decision, String comment, LocalDateTime now) {
		if (status != PlanStatus.IN_REVIEW || currentStep != step) {
			throw new BusinessRuleException("計畫 %s 目前不在「%s」這一步，無法審核 (not at this step)"
					.formatted(planNumber, step.chineseName()));
		}
		if (drafter.equals(by)) {
			throw new BusinessRuleException("您是計畫 %s 的起草人，不能審核自己起草的計畫 (the drafter may not approve)"
					.formatted(planNumber));
		}
		if (decision != Decision.APPROVE && (comment == null || comment.isBlank())) {
			throw new BusinessRuleException("退回或否決時必須填寫審核意見 (a comment is required to return or reject)");
		}
		if (comment != null && comment.length() > 1000) {
			throw new BusinessRuleException("審核意見不能超過 1000 字 (comment too long)");
		}
		switch (decision) {
			case APPROVE -> step.next().ifPresentOrElse(next -> currentStep = next, () -> close(PlanStatus.APPROVED, now));
			case RETURN -> {
				status = PlanStatus.DRAFTING;
				currentStep = PlanStep.DRAFT;
			}
			case REJECT -> {
				if (!step.mayReject()) {
					throw new BusinessRuleException("「%s」只能同意或退回，否決由主任或分管領導決定 (this step cannot reject)"
							.formatted(step.chineseName()));
				}
				close(PlanStatus.REJECTED, now);
			}
		}
	}

	/** The page the user edits showed this version; anything since (a submission, another edit) wins. */
	void requireVersion(Integer seen) {
		if (seen != null && seen != version) {
			throw new BusinessRuleException("計畫 %s 在您打開頁面之後已被修改或提交，請重新整理頁面再改 (changed meanwhile; reload)"
					.formatted(planNumber));
		}
	}

	/** Lines may change only while the plan is being drafted: an approved plan is frozen. */
	void requireEditable() {
		if (status != PlanStatus.DRAFTING) {
			throw new BusinessRuleException("計畫 %s %s，明細不能再修改 (the plan is not being drafted)"
					.formatted(planNumber, status.chineseName()));
		}
	}

	private void close(PlanStatus closing, LocalDateTime now) {
		status = closing;
		currentStep = null;
		closedAt = now;
	}

	private void requireDrafting() {
		if (status != PlanStatus.DRAFTING) {
			throw new BusinessRuleException("計畫 %s %s，不能再提交或撤回 (the plan is not being drafted)"
					.formatted(planNumber, status.chineseName()));
		}
	}

	private void requireDrafter(String by, String action) {
		if (!drafter.equals(by)) {
			throw new BusinessRuleException("只有起草人 %s 可以%s計畫 %s (only the drafter may do this)".formatted(drafter, action, planNumber));
		}
	}

	public String planNumber() {
		return planNumber;
	}

	public YearMonth period() {
		return period;
	}

	public String note() {
		return note;
	}

	public String drafter() {
		return drafter;
	}

	public LocalDateTime createdAt() {
		return createdAt;
	}

	public PlanStatus status() {
		return status;
	}

	public PlanStep currentStep() {
		return currentStep;
	}

	public LocalDateTime submittedAt() {
		return submittedAt;
	}

	public LocalDateTime closedAt() {
		return closedAt;
	}

	public String processInstanceId() {
		return processInstanceId;
	}

	/** Changes with every write of the plan or its lines: the optimistic lock of the plan page. */
	public int version() {
		return version;
	}
}
