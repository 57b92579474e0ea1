package com.wholesaler.marketing.contract;

import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.BusinessRuleException;

/** 購銷合同 with a manufacturer: drafted, reviewed, approved, countersigned, then performed. */
public record Contract(String contractNumber, String planNumber, String manufacturerCode, String period, String reason,
		ContractStatus status, ContractStep currentStep, String drafter, String paymentTerms, String platformContractNumber,
		LocalDateTime createdAt, LocalDateTime signedAt, LocalDateTime closedAt, String processInstanceId, String deliverySchedule)
		implements ApprovalCase {

	/** A new contract, drafted by its process from the start. */
	static Contract drafted(String number, String planNumber, String manufacturerCode, String period, String reason, LocalDateTime at,
			String processInstanceId) {
		return new Contract(number, planNumber, manufacturerCode, period, reason, ContractStatus.DRAFTING, ContractStep.DRAFT, null, null,
				null, at, null, null, processInstanceId, null);
	}

	/** Invoices are checked only against goods of a countersigned contract, so before signing there are none. */
	boolean mayHaveInvoices() {
		return signedAt != null;
	}

	Contract submitted(String by, String terms) {
		if (status != ContractStatus.DRAFTING) {
			throw new BusinessRuleException("合同 %s %s，不能提交 (not being drafted)".formatted(contractNumber, status.chineseName()));
		}
		return new Contract(contractNumber, planNumber, manufacturerCode, period, reason, ContractStatus.IN_REVIEW,
				ContractStep.REVIEW, by, terms == null || terms.isBlank() ? paymentTerms : terms.trim(), platformContractNumber,
				createdAt, signedAt, closedAt, processInstanceId, deliverySchedule);
	}

	/** A reviewer's decision, checked by the approval core: on to the director, out for signing, back to the drafter, or closed. */
	Contract decided(ApprovalCore.Verdict verdict, LocalDateTime now) {
		return switch (verdict.decision()) {
			case APPROVE -> currentStep == ContractStep.REVIEW ? with(ContractStatus.IN_REVIEW, ContractStep.APPROVE, null)
					: with(ContractStatus.SIGNING, ContractStep.SIGNING, null);
			case RETURN -> with(ContractStatus.DRAFTING, ContractStep.DRAFT, null);
			case REJECT -> with(ContractStatus.REJECTED, null, now);
		};
	}

	@Override
	public boolean awaits(ApprovalStep step) {
		return status == ContractStatus.IN_REVIEW && currentStep == step;
	}

	@Override
	public String caseNumber() {
		return contractNumber;
	}

	@Override
	public String caseName() {
		return "購銷合同";
	}

	@Override
	public Area area() {
		return Area.CONTRACTS;
	}

	Contract signed(String platformNumber, LocalDateTime now) {
		if (status != ContractStatus.SIGNING) {
			throw new BusinessRuleException("合同 %s 不在等待會簽 (not awaiting signature)".formatted(contractNumber));
		}
		if (platformNumber == null || platformNumber.isBlank()) {
			throw new BusinessRuleException("請填寫交易平台上的合同編號 (the platform's contract number is required)");
		}
		return new Contract(contractNumber, planNumber, manufacturerCode, period, reason, ContractStatus.SIGNED,
				ContractStep.PERFORMANCE, drafter, paymentTerms, platformNumber.trim(), createdAt, now, closedAt, processInstanceId,
				deliverySchedule);
	}

	Contract cancelled(LocalDateTime now) {
		if (status != ContractStatus.SIGNING) {
			throw new BusinessRuleException("只有未會簽的合同可以取消 (only an unsigned contract can be cancelled)");
		}
		return with(ContractStatus.CANCELLED, null, now);
	}

	/** Everything arrived; invoices and payment may still be open, so the contract stays in performance. */
	Contract delivered() {
		return with(ContractStatus.DELIVERED, ContractStep.PERFORMANCE, null);
	}

	Contract completed(LocalDateTime now) {
		return with(ContractStatus.COMPLETED, null, now);
	}

	/** Signed and not yet completed: goods, invoices or payments are still open. */
	public boolean isPerforming() {
		return status == ContractStatus.SIGNED || status == ContractStatus.DELIVERED;
	}

	Contract terminated(LocalDateTime now) {
		if (!isPerforming()) {
			throw new BusinessRuleException("只有履行中的合同可以終止 (only a contract in performance can be terminated)");
		}
		return with(ContractStatus.TERMINATED, null, now);
	}

	void requireInvoicing() {
		if (!isPerforming()) {
			throw new BusinessRuleException("合同 %s %s，不能核對發票 (not being performed)".formatted(contractNumber, status.chineseName()));
		}
	}

	/** Quantities and prices change only while goods are still to come; afterwards a new contract is signed. */
	void requireAmendable() {
		if (status != ContractStatus.SIGNED) {
			throw new BusinessRuleException("合同 %s %s；只有已會簽、尚未全部到貨的合同可以變更 (only a signed contract with goods to come)"
					.formatted(contractNumber, status.chineseName()));
		}
	}

	void requirePerforming() {
		if (status != ContractStatus.SIGNED) {
			throw new BusinessRuleException("合同 %s %s，不能確認到貨 (not being performed)".formatted(contractNumber, status.chineseName()));
		}
	}

	private Contract with(ContractStatus newStatus, ContractStep step, LocalDateTime closed) {
		return new Contract(contractNumber, planNumber, manufacturerCode, period, reason, newStatus, step, drafter, paymentTerms,
				platformContractNumber, createdAt, signedAt, closed, processInstanceId, deliverySchedule);
	}
}
