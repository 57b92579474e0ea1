package com.wholesaler.marketing.substitution;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;

/** 缺貨／緊俏 case of one product: its substitution and allocation plan, from draft to the end of its limits. */
public record ShortageCase(String caseNumber, String productCode, String startedBy, String drafter, ShortageStatus status,
		ShortageStep currentStep, LocalDate validFrom, LocalDate validTo, String note, LocalDateTime createdAt,
		LocalDateTime closedAt, String processInstanceId) {

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

	/** Whoever drafted the plan may not decide on it; a return or rejection needs a comment. */
	ShortageCase decided(ShortageStep step, String by, Decision decision, String comment, LocalDateTime now) {
		if (status != ShortageStatus.IN_REVIEW || currentStep != step) {
			throw new BusinessRuleException("方案 %s 目前不在「%s」這一步 (not at this step)".formatted(caseNumber, step.chineseName()));
		}
		if (by.equals(drafter)) {
			throw new BusinessRuleException("您擬訂了方案 %s，不能審批自己的方案 (the drafter may not approve)".formatted(caseNumber));
		}
		if (decision != Decision.APPROVE && (comment == null || comment.isBlank())) {
			throw new BusinessRuleException("退回或否決時必須填寫審核意見 (a comment is required to return or reject)");
		}
		return switch (decision) {
			// After the review the director may decide, if the rule table asks for it; publishing moves on in any case.
			case APPROVE -> with(ShortageStatus.IN_REVIEW, step == ShortageStep.REVIEW ? ShortageStep.APPROVE_DIRECTOR : ShortageStep.PUBLISHED, null);
			case RETURN -> with(ShortageStatus.DRAFTING, ShortageStep.DRAFT, null);
			case REJECT -> with(ShortageStatus.REJECTED, null, now);
		};
	}

	ShortageCase published() {
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
