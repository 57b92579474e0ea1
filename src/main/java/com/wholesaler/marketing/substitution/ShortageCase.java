package com.wholesaler.marketing.substitution;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.BusinessRuleException;

/** 缺貨／緊俏 case of one product: its substitution and allocation plan, from draft to the end of its limits. */
public record ShortageCase(String caseNumber, String productCode, String startedBy, String drafter, ShortageStatus status,
		ShortageStep currentStep, LocalDate validFrom, LocalDate validTo, String note, LocalDateTime createdAt,
		LocalDateTime closedAt, String processInstanceId) implements ApprovalCase {

	ShortageCase attachedTo(String instanceId) {
		return new ShortageCase(caseNumber, productCode, startedBy, drafter, status, currentStep, validFrom, validTo, note,
				createdAt, closedAt, instanceId);
	}

	ShortageCase proposed(LocalDate from, LocalDate to) {
		return new ShortageCase(caseNumber, productCode, startedBy, drafter, ShortageStatus.DRAFTING, ShortageStep.DRAFT,
				from, to, note, createdAt, closedAt, processInstanceId);
	}

	/** The supply manager submits the plan: its validity must start today or later and end after it starts. */
	ShortageCase submitted(String by, LocalDate from, LocalDate to, String newNote, LocalDate today) {
		if (status != ShortageStatus.DRAFTING) {
			throw new BusinessRuleException("方案 %s %s，不能提交 (not being drafted)".formatted(caseNumber, status.chineseName()));
		}
		if (from == null || to == null) {
			throw new BusinessRuleException("請填寫有效期的開始和結束日期 (validity required)");
		}
		if (from.isBefore(today)) {
			throw new BusinessRuleException("有效期不能從過去的日期開始 (validity starts in the past)");
		}
		if (!to.isAfter(from)) {
			throw new BusinessRuleException("有效期的結束日期必須晚於開始日期 (the end must be after the start)");
		}
		return new ShortageCase(caseNumber, productCode, startedBy, by, ShortageStatus.IN_REVIEW, ShortageStep.REVIEW,
				from, to, newNote == null ? note : newNote, createdAt, closedAt, processInstanceId);
	}

	/**
	 * A decision checked by the approval core. After the review the director decides next; the rule
	 * table may then say the director is not needed ({@link #routed}).
	 */
	ShortageCase decided(ApprovalCore.Verdict verdict, LocalDateTime now) {
		return switch (verdict.decision()) {
			case APPROVE -> with(ShortageStatus.IN_REVIEW, currentStep == ShortageStep.REVIEW ? ShortageStep.APPROVE_DIRECTOR : ShortageStep.PUBLISHED, null);
			case RETURN -> with(ShortageStatus.DRAFTING, ShortageStep.DRAFT, null);
			case REJECT -> with(ShortageStatus.REJECTED, null, now);
		};
	}

	/** The rule table's answer after the review: without the director the plan goes straight to publishing. */
	ShortageCase routed(boolean needsDirector) {
		if (status != ShortageStatus.IN_REVIEW || currentStep != ShortageStep.APPROVE_DIRECTOR) {
			throw new BusinessRuleException("方案 %s 目前不在等待審批路線 (not awaiting its route)".formatted(caseNumber));
		}
		return needsDirector ? this : with(ShortageStatus.IN_REVIEW, ShortageStep.PUBLISHED, null);
	}

	public boolean needsDirector() {
		return status == ShortageStatus.IN_REVIEW && currentStep == ShortageStep.APPROVE_DIRECTOR;
	}

	@Override
	public boolean awaits(ApprovalStep step) {
		return status == ShortageStatus.IN_REVIEW && currentStep == step;
	}

	@Override
	public String caseName() {
		return "缺貨替代方案";
	}

	@Override
	public Area area() {
		return Area.SHORTAGES;
	}

	ShortageCase published() {
		return with(ShortageStatus.ACTIVE, ShortageStep.PUBLISHED, null);
	}

	/** The supply manager re-plans the limits in force: drafted again, while the limits published stay in force. */
	ShortageCase replanning() {
		if (status != ShortageStatus.ACTIVE) {
			throw new BusinessRuleException("方案 %s %s，只有執行中的方案可以重新擬訂限量 (not in force)".formatted(caseNumber, status.chineseName()));
		}
		return with(ShortageStatus.DRAFTING, ShortageStep.DRAFT, null);
	}

	/** A refused re-plan: the plan in force goes on unchanged. */
	ShortageCase resumed() {
		return with(ShortageStatus.ACTIVE, ShortageStep.PUBLISHED, null);
	}

	ShortageCase ended(ShortageStatus ending, LocalDateTime now) {
		if (status != ShortageStatus.ACTIVE) {
			throw new BusinessRuleException("方案 %s 不在執行中 (not active)".formatted(caseNumber));
		}
		return with(ending, null, now);
	}

	private ShortageCase with(ShortageStatus newStatus, ShortageStep step, LocalDateTime closed) {
		return new ShortageCase(caseNumber, productCode, startedBy, drafter, newStatus, step, validFrom, validTo, note,
				createdAt, closed, processInstanceId);
	}
}
