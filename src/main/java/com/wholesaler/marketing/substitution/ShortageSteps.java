package com.wholesaler.marketing.substitution;

import static com.wholesaler.marketing.substitution.ShortageProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.TaskAnswerListener;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.Cartons;

/** The steps of the shortage model, each a bean it names: thin, each calls ShortageCases. */
public final class ShortageSteps {

	private ShortageSteps() {
	}

	/** Opens the case: started by the daily warning (no user) or by a supply manager; the case number is the business key. */
	@Component("shortageStartListener")
	public static class Start implements ExecutionListener {
		private final ShortageCases cases;
		private final IdentityService identityService;

		Start(ShortageCases cases, IdentityService identityService) {
			this.cases = cases;
			this.identityService = identityService;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				Authentication user = identityService.getCurrentAuthentication();
				String startedBy = user == null || user.getUserId() == null ? ShortageCases.STOCK_WARNING : user.getUserId();
				String number = cases.open((String) execution.getVariable(PRODUCT_CODE), startedBy, (String) execution.getVariable(NOTE));
				cases.attachProcess(number, execution.getProcessInstanceId());
				execution.setProcessBusinessKey(number);
				execution.setVariable(CASE_NUMBER, number);
				execution.setVariable(PRODUCT_CODE, cases.shortageCase(number).productCode());
			});
		}
	}

	@Component("proposeSubstitutionDelegate")
	public static class Propose implements JavaDelegate {
		private final ShortageCases cases;
		private final TierWeights weights;

		Propose(ShortageCases cases, TierWeights weights) {
			this.cases = cases;
			this.weights = weights;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.propose((String) execution.getVariable(CASE_NUMBER), weights.weights());
		}
	}

	/** The drafter submits the plan (see PlanReviewListener on why at the task's end). */
	@Component("shortageDraftListener")
	public static class Draft extends TaskAnswerListener {
		private final ShortageCases cases;
		private final CurrentUser currentUser;
		private final TierWeights weights;

		Draft(ShortageCases cases, CurrentUser currentUser, TierWeights weights) {
			this.cases = cases;
			this.currentUser = currentUser;
			this.weights = weights;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			String number = (String) execution.getVariable(CASE_NUMBER);
			cases.submit(number, currentUser.id(), Substitutes.codes(execution.getVariable(SUBSTITUTES)),
					limitChanges(execution.getVariable(LIMIT_CHANGES)), date(execution.getVariable(VALID_FROM)),
					date(execution.getVariable(VALID_TO)), (String) execution.getVariable(NOTE), weights::weights);
		}
	}

	/** The review and the director's approval. */
	@Component("shortageDecisionListener")
	public static class Decide extends TaskAnswerListener {
		private final ShortageCases cases;

		Decide(ShortageCases cases) {
			this.cases = cases;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			boolean review = TASK_REVIEW.equals(execution.getCurrentActivityId());
			cases.decide((String) execution.getVariable(CASE_NUMBER), review ? ShortageStep.REVIEW : ShortageStep.APPROVE_DIRECTOR,
					Decision.of(execution.getVariable(DECISION)), (String) execution.getVariable(COMMENT));
		}
	}

	/**
	 * Around the approval rule: its inputs are read from the stored case as the rule starts, and its
	 * answer is kept on the case as it ends; the gateway after it reads the case (ShortageRoute).
	 */
	@Component("shortageApprovalRuleListener")
	public static class ApprovalRule implements ExecutionListener {
		private final ShortageCases cases;

		ApprovalRule(ShortageCases cases) {
			this.cases = cases;
		}

		@Override
		public void notify(DelegateExecution execution) {
			String number = (String) execution.getVariable(CASE_NUMBER);
			if (EVENTNAME_START.equals(execution.getEventName())) {
				execution.setVariable(PRICE_CLASS, cases.priceClass(number));
				execution.setVariable(LOWER_LIMIT_SHARE, cases.lowerLimitShare(number));
			}
			else {
				EngineErrors.refuseOnRuleViolation(() -> cases.routed(number, Boolean.TRUE.equals(execution.getVariable(NEEDS_DIRECTOR))));
			}
		}
	}

	@Component("publishLimitsDelegate")
	public static class Publish implements JavaDelegate {
		private final ShortageCases cases;

		Publish(ShortageCases cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.publish((String) execution.getVariable(CASE_NUMBER));
		}
	}

	@Component("expireLimitsDelegate")
	public static class Expire implements JavaDelegate {
		private final ShortageCases cases;

		Expire(ShortageCases cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.expire((String) execution.getVariable(CASE_NUMBER));
		}
	}

	/** The re-plan message arrived: it opens only a re-plan the supply manager asked for on the case's page. */
	@Component("openReplanDelegate")
	public static class OpenReplan implements JavaDelegate {
		private final ShortageCases cases;

		OpenReplan(ShortageCases cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.replanOpened((String) execution.getVariable(CASE_NUMBER));
		}
	}

	@Component("withdrawLimitsDelegate")
	public static class Withdraw implements JavaDelegate {
		private final ShortageCases cases;

		Withdraw(ShortageCases cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.recovered((String) execution.getVariable(CASE_NUMBER));
		}
	}

	@Component("shortageAcknowledgeListener")
	public static class Acknowledge extends TaskAnswerListener {
		private final ShortageCases cases;
		private final CurrentUser currentUser;

		Acknowledge(ShortageCases cases, CurrentUser currentUser) {
			this.cases = cases;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			cases.acknowledge((String) execution.getVariable(CASE_NUMBER),
					currentUser.id(), execution.getCurrentActivityName());
		}
	}

	/** When the limits end: after the last day of their validity, in the business zone. */
	@Component("shortageDates")
	@ModelExpression
	public static class Dates {
		private final ShortageCases cases;

		Dates(ShortageCases cases) {
			this.cases = cases;
		}

		public Date validityEnd(String caseNumber) {
			return Date.from(cases.shortageCase(caseNumber).validTo().plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
		}
	}

	/** Lines of "product tier limit" (spaces or commas between), as the draft form's text area sends them. */
	static List<LimitChange> limitChanges(Object value) {
		List<LimitChange> changes = new ArrayList<>();
		if (value == null) {
			return changes;
		}
		int lineNumber = 0;
		for (String line : value.toString().split("\\R")) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.trim().split("[\\s,，、]+");
			if (cells.length != 3 || !cells[1].matches("\\d+") || !cells[2].matches("-?\\d+")) {
				throw new BusinessRuleException("限量調整第 %d 行「%s」應為「規格代碼 檔位 限量」，檔位和限量是整數 (product tier limit)"
						.formatted(lineNumber, line.trim()));
			}
			changes.add(new LimitChange(cells[0], Cartons.parse(cells[1]), Cartons.parse(cells[2])));
		}
		return changes;
	}

	static LocalDate date(Object value) {
		return BusinessTime.date(value);
	}
}
