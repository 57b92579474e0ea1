package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;

/**
 * An amendment to a signed contract. Its quantity change (the largest of any line, in percent; a new
 * or removed line counts as 100) and whether a price changes decide, through
 * contract-amendment-approval.dmn, whether the brand-planning head alone approves it or the director
 * after them: the route is kept on the amendment when the rule table has given it.
 */
public record ContractAmendment(String amendmentNumber, String contractNumber, int fromVersion, AmendmentKind kind, String reason,
		String changes, String newDeliverySchedule, BigDecimal quantityChangePercent, boolean priceChanged, Status status, String requestedBy,
		LocalDateTime requestedAt, LocalDateTime decidedAt, ContractStep currentStep, String approvalRoute) implements ApprovalCase {

	/** The route of the rule table that takes the amendment to the director as well. */
	public static final String ROUTE_WITH_DIRECTOR = "PLANNING_HEAD_AND_DIRECTOR";
	public static final String ROUTE_PLANNING_HEAD = "PLANNING_HEAD";

	public enum Status {
		REQUESTED("待審批"), APPROVED("已同意，待生效"), APPLIED("已生效"), REJECTED("已否決");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	public boolean isOpen() {
		return status == Status.REQUESTED || status == Status.APPROVED;
	}

	/** A contract's version in force: 1, plus one per applied amendment among its amendments. */
	public static int versionInForce(java.util.List<ContractAmendment> amendmentsOfTheContract) {
		return 1 + (int) amendmentsOfTheContract.stream().filter(a -> a.status() == Status.APPLIED).count();
	}

	/** The version the amendment produces. */
	public int toVersion() {
		return fromVersion + 1;
	}

	/** The rule table's route, kept before anyone decides. */
	ContractAmendment routed(String route) {
		if (!ROUTE_WITH_DIRECTOR.equals(route) && !ROUTE_PLANNING_HEAD.equals(route)) {
			throw new BusinessRuleException("變更審批規則沒有給出審批路線（%s），請流程管理員檢查 contract-amendment-approval.dmn (no route)".formatted(route));
		}
		return with(status, currentStep, route, decidedAt);
	}

	public boolean needsDirector() {
		return ROUTE_WITH_DIRECTOR.equals(approvalRoute);
	}

	/** A decision checked by the approval core: on to the director when the route says so, else approved or rejected. */
	ContractAmendment decided(ApprovalCore.Verdict verdict, LocalDateTime now) {
		if (verdict.decision() == Decision.REJECT) {
			return with(Status.REJECTED, null, approvalRoute, now);
		}
		if (currentStep == ContractStep.AMENDMENT_REVIEW && needsDirector()) {
			return with(Status.REQUESTED, ContractStep.AMENDMENT_APPROVE, approvalRoute, decidedAt);
		}
		return with(Status.APPROVED, null, approvalRoute, now);
	}

	ContractAmendment applied(LocalDateTime now) {
		if (status != Status.APPROVED) {
			throw new BusinessRuleException("變更 %s %s，不能生效 (not approved)".formatted(amendmentNumber, status.chineseName()));
		}
		return with(Status.APPLIED, null, approvalRoute, now);
	}

	@Override
	public boolean awaits(ApprovalStep step) {
		return status == Status.REQUESTED && currentStep == step;
	}

	@Override
	public String caseNumber() {
		return amendmentNumber;
	}

	/** Its decisions stand on the contract's sheet, beside the contract's own history. */
	@Override
	public String sheetNumber() {
		return contractNumber;
	}

	@Override
	public String caseName() {
		return "合同變更";
	}

	@Override
	public Area area() {
		return Area.CONTRACTS;
	}

	@Override
	public String drafter() {
		return requestedBy;
	}

	private ContractAmendment with(Status newStatus, ContractStep step, String route, LocalDateTime decided) {
		return new ContractAmendment(amendmentNumber, contractNumber, fromVersion, kind, reason, changes, newDeliverySchedule, quantityChangePercent,
				priceChanged, newStatus, requestedBy, requestedAt, decided, step, route);
	}
}
