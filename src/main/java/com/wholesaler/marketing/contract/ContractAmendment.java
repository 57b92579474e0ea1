package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * An amendment to a signed contract. Its quantity change (the largest of any line, in percent; a new
 * or removed line counts as 100) and whether a price changes decide who approves it.
 */
public record ContractAmendment(String amendmentNumber, String contractNumber, int fromVersion, AmendmentKind kind, String reason,
		String changes, String newDeliverySchedule, BigDecimal quantityChangePercent, boolean priceChanged, Status status, String requestedBy,
		LocalDateTime requestedAt, LocalDateTime decidedAt) {

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

	/** A decision of one approver; the route (one or two approvers) is the process's, from the DMN table. */
	ContractAmendment decided(String by, boolean approve, String comment, LocalDateTime now) {
		if (!isOpen()) {
			throw new BusinessRuleException("變更 %s %s，不能再審批 (already decided)".formatted(amendmentNumber, status.chineseName()));
		}
		if (by != null && by.equals(requestedBy)) {
			throw new BusinessRuleException("不能審批自己提出的合同變更 (the requester cannot approve)");
		}
		if (!approve && (comment == null || comment.isBlank())) {
			throw new BusinessRuleException("否決變更請說明理由 (a reason is required to reject)");
		}
		return new ContractAmendment(amendmentNumber, contractNumber, fromVersion, kind, reason, changes, newDeliverySchedule, quantityChangePercent,
				priceChanged, approve ? Status.APPROVED : Status.REJECTED, requestedBy, requestedAt, approve ? decidedAt : now);
	}

	ContractAmendment applied(LocalDateTime now) {
		if (!isOpen()) {
			throw new BusinessRuleException("變更 %s %s，不能生效 (already decided)".formatted(amendmentNumber, status.chineseName()));
		}
		return new ContractAmendment(amendmentNumber, contractNumber, fromVersion, kind, reason, changes, newDeliverySchedule, quantityChangePercent,
				priceChanged, Status.APPLIED, requestedBy, requestedAt, now);
	}
}
