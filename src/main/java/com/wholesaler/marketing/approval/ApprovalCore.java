package com.wholesaler.marketing.approval;

import org.springframework.stereotype.Component;

/**
 * The one place where a decision on a case is checked and recorded, for every process. A decision
 * binds only when the case waits at that step, the decider is the signed-in user (never a variable)
 * and holds the step's role (or the role it was escalated to), did not draft the case, chose a
 * decision the step allows, and gave a comment when returning or rejecting. The case then applies
 * the decision to its own state; the sheet records it.
 */
@Component
public class ApprovalCore {

	public static final int COMMENT_LIMIT = 1000;

	private final CurrentUser currentUser;
	private final ApprovalSheet sheet;

	ApprovalCore(CurrentUser currentUser, ApprovalSheet sheet) {
		this.currentUser = currentUser;
		this.sheet = sheet;
	}

	/** A decision that passed the checks: apply it to the case, then {@link #record} it. */
	public record Verdict(ApprovalStep step, Decision decision, String comment, String decidedBy) {
	}

	/** Checks a decision of the signed-in user; refuses in the user's words, changing nothing. */
	public Verdict check(ApprovalCase approvalCase, ApprovalStep step, Decision decision, String comment) {
		Actor actor = currentUser.actor();
		if (!approvalCase.awaits(step)) {
			throw new BusinessRuleException("%s %s 目前不在「%s」這一步，無法審批 (not at this step)"
					.formatted(approvalCase.caseName(), approvalCase.caseNumber(), step.chineseName()));
		}
		if (!mayDecide(actor, approvalCase, step)) {
			throw new BusinessRuleException("「%s」由%s審批，您（%s）沒有這個角色 (only the %s decides here)".formatted(step.chineseName(),
					step.role() == null ? "系統" : step.role().chineseName(), actor.id(), step.role() == null ? "system" : step.role().englishName()));
		}
		if (actor.id().equals(approvalCase.drafter())) {
			throw new BusinessRuleException("您起草（提出）了%s %s，不能審批自己的%s (the drafter may not decide)"
					.formatted(approvalCase.caseName(), approvalCase.caseNumber(), approvalCase.caseName()));
		}
		if (decision == null || !step.decisions().contains(decision)) {
			throw new BusinessRuleException("「%s」不能選擇「%s」，可選：%s (decision not allowed here)".formatted(step.chineseName(),
					decision == null ? "—" : decision.chineseName(), String.join("、", step.decisions().stream().sorted().map(Decision::chineseName).toList())));
		}
		if (decision != Decision.APPROVE && (comment == null || comment.isBlank())) {
			throw new BusinessRuleException("%s時必須填寫審核意見 (a comment is required to return or reject)".formatted(decision.chineseName()));
		}
		if (comment != null && comment.length() > COMMENT_LIMIT) {
			throw new BusinessRuleException("審核意見不能超過 %d 字，現在 %d 字 (comment too long)".formatted(COMMENT_LIMIT, comment.length()));
		}
		return new Verdict(step, decision, comment == null || comment.isBlank() ? null : comment.trim(), actor.id());
	}

	/** Records a checked decision on the case's sheet, as its own type or a variant of it (APPROVE_URGENT). */
	public void record(ApprovalCase approvalCase, Verdict verdict, ApprovalEventType type, String note) {
		String comment = note == null ? verdict.comment() : verdict.comment() == null ? note : note + "：" + verdict.comment();
		sheet.record(approvalCase, verdict.step(), type, comment, verdict.decidedBy());
	}

	public void record(ApprovalCase approvalCase, Verdict verdict) {
		record(approvalCase, verdict, ApprovalEventType.of(verdict.decision()), null);
	}

	private boolean mayDecide(Actor actor, ApprovalCase approvalCase, ApprovalStep step) {
		if (actor.holds(step.role())) {
			return true;
		}
		return step.escalatesTo().filter(actor::holds).isPresent() && sheet.escalatedAt(approvalCase.sheetNumber(), step);
	}
}
