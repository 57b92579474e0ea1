package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The small steps of the price process, each a bean the model names. */
public final class PriceProcessSteps {

	private PriceProcessSteps() {
	}

	/** Sends the approved proposal to the price authority (recorded; an integration can replace it). */
	@Component("reportToAuthorityDelegate")
	public static class ReportToAuthority implements JavaDelegate {
		private final PriceProposals proposals;

		ReportToAuthority(PriceProposals proposals) {
			this.proposals = proposals;
		}

		@Override
		public void execute(DelegateExecution execution) {
			proposals.reportToAuthority((String) execution.getVariable(PROPOSAL_NUMBER));
		}
	}

	@Component("remindAuthorityDelegate")
	public static class RemindAuthority implements JavaDelegate {
		private final PriceProposals proposals;

		RemindAuthority(PriceProposals proposals) {
			this.proposals = proposals;
		}

		@Override
		public void execute(DelegateExecution execution) {
			proposals.remindAuthorityFollowUp((String) execution.getVariable(PROPOSAL_NUMBER));
		}
	}

	/** The new prices take effect: on the effective date, or at once on the urgent path. */
	@Component("applyPricesDelegate")
	public static class ApplyPrices implements JavaDelegate {
		private final PriceProposals proposals;

		ApplyPrices(PriceProposals proposals) {
			this.proposals = proposals;
		}

		@Override
		public void execute(DelegateExecution execution) {
			proposals.applyPrices((String) execution.getVariable(PROPOSAL_NUMBER));
		}
	}

	/** A department acknowledges the price change (order department, seat leaders, regional marketing). */
	@Component("acknowledgePriceChangeListener")
	public static class Acknowledge extends TaskAnswerListener {
		private final PriceProposals proposals;
		private final CurrentUser currentUser;

		Acknowledge(PriceProposals proposals, CurrentUser currentUser) {
			this.proposals = proposals;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			proposals.acknowledge((String) execution.getVariable(PROPOSAL_NUMBER),
					currentUser.id(), execution.getCurrentActivityName());
		}
	}

	/** The mandatory paperwork after an urgent change: the report to the authority, with its reference. */
	@Component("reportAfterwardsListener")
	public static class ReportAfterwards extends TaskAnswerListener {
		private final PriceProposals proposals;
		private final CurrentUser currentUser;

		ReportAfterwards(PriceProposals proposals, CurrentUser currentUser) {
			this.proposals = proposals;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			proposals.reportedAfterwards((String) execution.getVariable(PROPOSAL_NUMBER),
					(String) execution.getVariable(REPORT_REFERENCE), currentUser.id());
		}
	}

	/** When the effective-date timer fires: the start of the effective date in the business zone. */
	@Component("priceDates")
	@ModelExpression
	public static class PriceDates {
		private final PriceProposals proposals;

		PriceDates(PriceProposals proposals) {
			this.proposals = proposals;
		}

		public Date effectiveAt(String proposalNumber) {
			LocalDate date = proposals.proposal(proposalNumber).effectiveDate();
			return Date.from(date.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
		}
	}
}
