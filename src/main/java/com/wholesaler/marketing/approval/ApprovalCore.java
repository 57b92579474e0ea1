package com.wholesaler.marketing.approval;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.identity.Role;

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
	private final StandIns standIns;
	private final DeputyAreas deputyAreas;

	private final ApplicationEventPublisher events;
	private final RefusedOwnDecisions refusedOwn;

	ApprovalCore(CurrentUser currentUser, ApprovalSheet sheet, StandIns standIns, DeputyAreas deputyAreas, ApplicationEventPublisher events,
			RefusedOwnDecisions refusedOwn) {
		this.events = events;
		this.refusedOwn = refusedOwn;
		this.currentUser = currentUser;
		this.sheet = sheet;
		this.standIns = standIns;
		this.deputyAreas = deputyAreas;
	}

	/**
	 * A decision that passed the checks: apply it to the case, then {@link #record} it. onBehalfOf is
	 * the absent approver a stand-in decided for, null when the decider holds the right themselves.
	 */
	public record Verdict(ApprovalStep step, Decision decision, String comment, String decidedBy, String onBehalfOf) {

		public Verdict(ApprovalStep step, Decision decision, String comment, String decidedBy) {
			this(step, decision, comment, decidedBy, null);
		}
	}

	/** A case went back to its drafter with the reviewer's comment (notifications tell the drafter). */
	public record Returned(String caseNumber, String caseName, String drafter, String decidedBy, String comment) {
	}

	/** Why the decider may decide: in their own right, or for whom they stand in. */
	private record Right(boolean own, String onBehalfOf) {
	}

	/** Checks a decision of the signed-in user; refuses in the user's words, changing nothing. */
	public Verdict check(ApprovalCase approvalCase, ApprovalStep step, Decision decision, String comment) {
		Actor actor = currentUser.actor();
		if (!approvalCase.awaits(step)) {
			throw new BusinessRuleException("%s %s 目前不在「%s」這一步，無法審批 (not at this step)"
					.formatted(approvalCase.caseName(), approvalCase.caseNumber(), step.chineseName()));
		}
		Right right = rightOf(actor, approvalCase, step);
		if (right == null) {
			throw new BusinessRuleException("「%s」由%s審批，您（%s）沒有這個角色 (only the %s decides here)".formatted(step.chineseName(),
					step.role() == null ? "系統" : step.role().chineseName(), actor.id(), step.role() == null ? "system" : step.role().englishName()));
		}
		if (actor.id().equals(approvalCase.drafter()) || approvalCase.drafter() != null && approvalCase.drafter().equals(right.onBehalfOf())) {
			refusedOwn.record(approvalCase, step, actor.id());
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
		return new Verdict(step, decision, comment == null || comment.isBlank() ? null : comment.trim(), actor.id(), right.onBehalfOf());
	}

	/** Records a checked decision on the case's sheet, as its own type or a variant of it (APPROVE_URGENT). */
	public void record(ApprovalCase approvalCase, Verdict verdict, ApprovalEventType type, String note) {
		String comment = note == null ? verdict.comment() : verdict.comment() == null ? note : note + "：" + verdict.comment();
		sheet.record(approvalCase.sheetNumber(), verdict.step(), type, comment, verdict.decidedBy(), verdict.onBehalfOf());
		if (verdict.decision() == Decision.RETURN) {
			events.publishEvent(new Returned(approvalCase.caseNumber(), approvalCase.caseName(), approvalCase.drafter(), verdict.decidedBy(),
					verdict.comment()));
		}
	}

	public void record(ApprovalCase approvalCase, Verdict verdict) {
		record(approvalCase, verdict, ApprovalEventType.of(verdict.decision()), null);
	}

	/**
	 * The step's role; the role above once the step was escalated; the deputy at a director's step of
	 * an area the director gave them; a stand-in today for a holder of the step's role. Null: no right.
	 */
	private Right rightOf(Actor actor, ApprovalCase approvalCase, ApprovalStep step) {
		if (actor.holds(step.role())) {
			return new Right(true, null);
		}
		if (step.escalatesTo().filter(actor::holds).isPresent() && sheet.escalatedAt(approvalCase.sheetNumber(), step)) {
			return new Right(true, null);
		}
		if (step.role() == Role.CENTER_DIRECTOR && actor.holds(Role.DEPUTY_DIRECTOR) && deputyAreas.covers(approvalCase.area())) {
			return new Right(true, null);
		}
		return standIns.principalFor(actor.id(), step.role()).map(principal -> new Right(false, principal)).orElse(null);
	}
}
