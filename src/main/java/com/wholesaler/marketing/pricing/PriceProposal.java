package com.wholesaler.marketing.pricing;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;

/**
 * 價格調整建議: proposed by a general administrator, checked by the rules, approved collectively,
 * decided by the price authority, and applied on its effective date. Refuses what its state does not allow.
 */
public class PriceProposal implements ApprovalCase {

	private final String number;
	private final String proposer;
	private final LocalDateTime createdAt;
	private String reason;
	private LocalDate effectiveDate;
	private ProposalStatus status;
	private ProposalStep currentStep;
	private boolean needsExecutive;
	private boolean urgentAllowed;
	private boolean urgent;
	private String refusal;
	private LocalDateTime closedAt;
	private String processInstanceId;

	PriceProposal(String number, String proposer, LocalDateTime createdAt, String reason, LocalDate effectiveDate,
			ProposalStatus status, ProposalStep currentStep, boolean needsExecutive, boolean urgentAllowed, boolean urgent,
			String refusal, LocalDateTime closedAt, String processInstanceId) {
		this.number = number;
		this.proposer = proposer;
		this.createdAt = createdAt;
		this.reason = reason;
		this.effectiveDate = effectiveDate;
		this.status = status;
		this.currentStep = currentStep;
		this.needsExecutive = needsExecutive;
		this.urgentAllowed = urgentAllowed;
		this.urgent = urgent;
		this.refusal = refusal;
		this.closedAt = closedAt;
		this.processInstanceId = processInstanceId;
	}

	static PriceProposal propose(String number, String proposer, String reason, LocalDate effectiveDate, LocalDateTime now) {
		PriceProposal proposal = new PriceProposal(number, proposer, now, null, null, ProposalStatus.IN_REVIEW,
				ProposalStep.RULES, false, false, false, null, null, null);
		proposal.setTerms(reason, effectiveDate, now.toLocalDate());
		return proposal;
	}

	/** The proposer changes the reason or the date, back at the start. */
	void revise(String by, String newReason, LocalDate newEffectiveDate, LocalDate today) {
		requireProposer(by);
		if (status != ProposalStatus.REVISING) {
			throw new BusinessRuleException("建議 %s %s，不能修改 (not being revised)".formatted(number, status.chineseName()));
		}
		setTerms(newReason, newEffectiveDate, today);
		status = ProposalStatus.IN_REVIEW;
		currentStep = ProposalStep.RULES;
	}

	private void setTerms(String newReason, LocalDate newEffectiveDate, LocalDate today) {
		if (newReason == null || newReason.isBlank()) {
			throw new BusinessRuleException("請填寫調整理由 (a reason is required)");
		}
		if (newReason.length() > 1000) {
			throw new BusinessRuleException("調整理由不能超過 1000 字 (reason too long)");
		}
		if (newEffectiveDate == null || !newEffectiveDate.isAfter(today)) {
			throw new BusinessRuleException("生效日期必須是明天或以後 (the effective date must be in the future)");
		}
		reason = newReason.trim();
		effectiveDate = newEffectiveDate;
	}

	/** The rules' verdict: refused back to the proposer, or on to review with what it needs. */
	void rulesChecked(String refusalText, boolean executive, boolean urgentPossible) {
		refusal = refusalText;
		needsExecutive = executive;
		urgentAllowed = urgentPossible && refusalText == null;
		if (refusalText != null) {
			status = ProposalStatus.REVISING;
			currentStep = ProposalStep.PROPOSE;
		}
		else {
			currentStep = ProposalStep.REVIEW_PLANNING_HEAD;
		}
	}

	void withdraw(String by, LocalDateTime now) {
		requireProposer(by);
		if (status != ProposalStatus.REVISING) {
			throw new BusinessRuleException("建議 %s %s，不能撤回 (not being revised)".formatted(number, status.chineseName()));
		}
		close(ProposalStatus.WITHDRAWN, now);
	}

	/**
	 * A reviewer's decision, checked by the approval core (prices are set collectively, never by the
	 * proposer alone). Only the director may let a small rise take effect at once, and only when the
	 * rules allowed it.
	 */
	void decide(ApprovalCore.Verdict verdict, boolean urgentNow, LocalDateTime now) {
		if (urgentNow && (verdict.step() != ProposalStep.APPROVE_DIRECTOR || !urgentAllowed || verdict.decision() != Decision.APPROVE)) {
			throw new BusinessRuleException("只有批發價小幅上調（規則允許）時，主任才能批准「先執行後報備」(urgent path not allowed)");
		}
		switch (verdict.decision()) {
			case APPROVE -> {
				if (urgentNow) {
					urgent = true;
					currentStep = ProposalStep.EFFECTIVE;
				}
				else if (currentStep == ProposalStep.REVIEW_PLANNING_HEAD) {
					currentStep = ProposalStep.APPROVE_DIRECTOR;
				}
				else if (currentStep == ProposalStep.APPROVE_DIRECTOR && needsExecutive) {
					currentStep = ProposalStep.APPROVE_EXECUTIVE;
				}
				else {
					currentStep = ProposalStep.AUTHORITY;
				}
			}
			case RETURN -> {
				status = ProposalStatus.REVISING;
				currentStep = ProposalStep.PROPOSE;
				refusal = verdict.comment();
			}
			case REJECT -> {
				refusal = verdict.comment();
				close(ProposalStatus.REJECTED, now);
			}
		}
	}

	@Override
	public boolean awaits(ApprovalStep step) {
		return status == ProposalStatus.IN_REVIEW && currentStep == step;
	}

	@Override
	public String caseNumber() {
		return number;
	}

	@Override
	public String caseName() {
		return "價格調整建議";
	}

	@Override
	public Area area() {
		return Area.PRICES;
	}

	@Override
	public String drafter() {
		return proposer;
	}

	void reported() {
		status = ProposalStatus.REPORTED;
		currentStep = ProposalStep.AUTHORITY;
	}

	void authorityDecided(boolean accepted, String reasonText, LocalDateTime now) {
		if (status != ProposalStatus.REPORTED) {
			throw new BusinessRuleException("建議 %s 沒有在等上級批覆 (not awaiting the authority)".formatted(number));
		}
		if (accepted) {
			status = ProposalStatus.ACCEPTED;
			currentStep = ProposalStep.EFFECTIVE;
		}
		else {
			if (reasonText == null || reasonText.isBlank()) {
				throw new BusinessRuleException("請填寫上級未批准的理由 (the authority's reason is required)");
			}
			refusal = reasonText;
			close(ProposalStatus.REFUSED, now);
		}
	}

	void madeEffective(LocalDateTime now) {
		status = ProposalStatus.EFFECTIVE;
		currentStep = urgent ? ProposalStep.REPORT_AFTERWARDS : null;
		closedAt = urgent ? null : now;
	}

	void reportedAfterwards(LocalDateTime now) {
		if (!urgent) {
			throw new BusinessRuleException("建議 %s 不是先執行後報備 (not an urgent change)".formatted(number));
		}
		currentStep = null;
		closedAt = now;
	}

	private void close(ProposalStatus closing, LocalDateTime now) {
		status = closing;
		currentStep = null;
		closedAt = now;
	}

	private void requireProposer(String by) {
		if (!proposer.equals(by)) {
			throw new BusinessRuleException("只有提出人 %s 可以修改或撤回建議 %s (only the proposer)".formatted(proposer, number));
		}
	}

	void attachTo(String instanceId) {
		processInstanceId = instanceId;
	}

	public String number() { return number; }
	public String proposer() { return proposer; }
	public LocalDateTime createdAt() { return createdAt; }
	public String reason() { return reason; }
	public LocalDate effectiveDate() { return effectiveDate; }
	public ProposalStatus status() { return status; }
	public ProposalStep currentStep() { return currentStep; }
	public boolean needsExecutive() { return needsExecutive; }
	public boolean urgentAllowed() { return urgentAllowed; }
	public boolean urgent() { return urgent; }
	public String refusal() { return refusal; }
	public LocalDateTime closedAt() { return closedAt; }
	public String processInstanceId() { return processInstanceId; }
}
