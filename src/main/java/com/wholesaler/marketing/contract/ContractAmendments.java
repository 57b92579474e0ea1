package com.wholesaler.marketing.contract;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.catalog.Catalog;

/**
 * 合同變更、補充: an amendment is requested against the contract's current version, approved on the
 * route contract-amendment-approval.dmn gives, and applied as the next version; earlier versions
 * stay readable.
 */
@Service
@Transactional
public class ContractAmendments {

	private final AmendmentRepository amendments;
	private final ContractRepository contracts;
	private final Catalog catalog;
	private final Clock clock;

	private final ApprovalCore approvals;
	private final ApprovalSheet sheet;

	ContractAmendments(AmendmentRepository amendments, ContractRepository contracts, Catalog catalog, Clock clock, ApprovalCore approvals,
			ApprovalSheet sheet) {
		this.amendments = amendments;
		this.approvals = approvals;
		this.sheet = sheet;
		this.contracts = contracts;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Who may ask for which change: the general administrator for any; the supply manager, who adjusts the
	 * purchase pace (「適時調整貨源採購進度」), for a change of quantity or of the delivery schedule.
	 */
	public void mayRequest(com.wholesaler.marketing.approval.Actor actor, String kind) {
		if (actor.holds(com.wholesaler.marketing.identity.Role.GENERAL_ADMIN)) {
			return;
		}
		boolean pace = AmendmentKind.QUANTITY.name().equals(kind) || AmendmentKind.SCHEDULE.name().equals(kind);
		if (!actor.holds(com.wholesaler.marketing.identity.Role.SUPPLY_MANAGER) || !pace) {
			throw new BusinessRuleException("貨源管理員可提出數量或交貨安排變更；價格變更和補充品規由綜合管理員提出 (supply manager: quantity or schedule only)");
		}
	}

	public ContractAmendment request(String contractNumber, String kind, List<Contracts.LineChange> changes, String deliverySchedule,
			String reason, String by) {
		Contract contract = contracts.find(contractNumber == null ? "" : contractNumber.trim().toUpperCase())
				.orElseThrow(() -> new BusinessRuleException("找不到合同「%s」(no such contract)".formatted(contractNumber)));
		contract.requireAmendable();
		AmendmentKind amendmentKind = kind(kind);
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("合同變更請說明理由 (a reason is required)");
		}
		String schedule = deliverySchedule == null || deliverySchedule.isBlank() ? null : deliverySchedule.trim();
		if (amendmentKind == AmendmentKind.SCHEDULE && schedule == null) {
			throw new BusinessRuleException("交貨安排變更請填寫新的交貨批次安排 (the new delivery batches are required)");
		}
		List<ContractAmendment> earlier = amendments.ofContract(contract.contractNumber());
		if (earlier.stream().anyMatch(ContractAmendment::isOpen)) {
			throw new BusinessRuleException("合同 %s 已有一項變更在審批中，請待其完成 (another amendment is open)".formatted(contract.contractNumber()));
		}
		List<ContractLine> current = contracts.lines(contract.contractNumber());
		AmendedLines amended = AmendedLines.of(current, changes, contract.manufacturerCode(), catalog::product);
		if (amendmentKind != AmendmentKind.SCHEDULE && !amended.changesAnything(current)) {
			throw new BusinessRuleException("變更沒有改動任何品規的數量或單價 (the amendment changes nothing)");
		}
		String number = "%s-B%d".formatted(contract.contractNumber(), earlier.size() + 1);
		ContractAmendment amendment = new ContractAmendment(number, contract.contractNumber(), ContractAmendment.versionInForce(earlier), amendmentKind,
				reason.trim(), describe(changes), schedule, amended.quantityChangePercent(), amended.priceChanged(), ContractAmendment.Status.REQUESTED, by,
				now(), null, ContractStep.AMENDMENT_REVIEW, null);
		amendments.insert(amendment);
		event(contract.contractNumber(), ApprovalEventType.AMENDMENT_REQUESTED, "%s %s：%s".formatted(number, amendmentKind.chineseName(), reason.trim()), by);
		return amendment;
	}

	public void attachProcess(String amendmentNumber, String processInstanceId) {
		amendments.attachProcess(amendmentNumber, processInstanceId);
	}

	/** Keeps the route the rule table gave: who approves the amendment is then fixed before anyone decides. */
	public void routed(String amendmentNumber, String route) {
		amendments.update(amendment(amendmentNumber).routed(route));
	}

	/** A decision at a step, by the signed-in user, as the approval core allows it; it stands on the contract's sheet. */
	public void decide(String amendmentNumber, ContractStep step, Decision decision, String comment) {
		ContractAmendment amendment = amendment(amendmentNumber);
		ApprovalCore.Verdict verdict = approvals.check(amendment, step, decision, comment);
		amendments.update(amendment.decided(verdict, now()));
		approvals.record(amendment, verdict, ApprovalEventType.of(decision), amendmentNumber);
	}

	/** The approved amendment becomes the contract's next version; the current lines are kept as the previous one. */
	public void apply(String amendmentNumber) {
		ContractAmendment amendment = amendment(amendmentNumber);
		ContractAmendment applied = amendment.applied(now());
		Contract contract = contracts.find(amendment.contractNumber()).orElseThrow();
		contract.requireAmendable();
		List<ContractLine> current = contracts.lines(contract.contractNumber());
		// checked again: goods may have arrived while the amendment was being approved
		AmendedLines amended = AmendedLines.of(current, LineChanges.parse(amendment.changes()), contract.manufacturerCode(), catalog::product);
		amendments.saveVersion(contract.contractNumber(), amendment.fromVersion(), current);
		contracts.replaceLines(contract.contractNumber(), amended.lines());
		if (amendment.newDeliverySchedule() != null) {
			contracts.setDeliverySchedule(contract.contractNumber(), amendment.newDeliverySchedule());
		}
		amendments.update(applied);
		event(contract.contractNumber(), ApprovalEventType.AMENDED, "%s 生效：第 %d 版 → 第 %d 版".formatted(amendmentNumber, amendment.fromVersion(),
				amendment.toVersion()), null);
	}

	@Transactional(readOnly = true)
	public ContractAmendment amendment(String amendmentNumber) {
		return amendments.find(amendmentNumber).orElseThrow(() -> new BusinessRuleException("找不到合同變更 %s (no such amendment)".formatted(amendmentNumber)));
	}

	@Transactional(readOnly = true)
	public List<ContractAmendment> amendmentsOf(String contractNumber) {
		return amendments.ofContract(contractNumber);
	}

	/** The contract's current version: 1, plus one per applied amendment. */
	@Transactional(readOnly = true)
	public int version(String contractNumber) {
		return ContractAmendment.versionInForce(amendments.ofContract(contractNumber));
	}

	/** Earlier versions' lines, oldest first. */
	@Transactional(readOnly = true)
	public Map<Integer, List<ContractVersionLine>> earlierVersions(String contractNumber) {
		return amendments.versions(contractNumber);
	}

	private static AmendmentKind kind(String kind) {
		try {
			return AmendmentKind.valueOf(kind == null ? "" : kind.trim());
		}
		catch (IllegalArgumentException e) {
			throw new BusinessRuleException("請選擇變更類型：數量、價格、交貨安排或補充品規 (kind of amendment)");
		}
	}

	private static String describe(List<Contracts.LineChange> changes) {
		return changes.stream().map(c -> c.productCode().trim().toUpperCase() + " " + c.cartons()
				+ (c.unitPrice() == null ? "" : " " + c.unitPrice().toPlainString())).collect(Collectors.joining("\n"));
	}

	private void event(String contractNumber, ApprovalEventType type, String comment, String by) {
		sheet.record(contractNumber, ContractStep.AMENDMENT, type, comment, by);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}
}
