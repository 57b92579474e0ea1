package com.wholesaler.marketing.purchaseplan;

import java.time.LocalDateTime;
import java.time.YearMonth;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * 購進計畫: a month's purchases, drafted by a supply manager and approved level by level. The plan
 * refuses every change its state does not allow; its lines are kept beside it (there may be hundreds).
 */
public class PurchasePlan implements ApprovalCase {

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

	/** A reviewer's decision, checked by the approval core, moves the plan on, back to its drafter, or closes it. */
	void decide(ApprovalCore.Verdict verdict, LocalDateTime now) {
		switch (verdict.decision()) {
			case APPROVE -> currentStep.next().ifPresentOrElse(next -> currentStep = next, () -> close(PlanStatus.APPROVED, now));
			case RETURN -> {
				status = PlanStatus.DRAFTING;
				currentStep = PlanStep.DRAFT;
			}
			case REJECT -> close(PlanStatus.REJECTED, now);
		}
	}

	@Override
	public boolean awaits(ApprovalStep step) {
		return status == PlanStatus.IN_REVIEW && currentStep == step;
	}

	@Override
	public String caseNumber() {
		return planNumber;
	}

	@Override
	public String caseName() {
		return "購進計畫";
	}

	@Override
	public Area area() {
		return Area.PURCHASE_PLANS;
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

	@Override
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
