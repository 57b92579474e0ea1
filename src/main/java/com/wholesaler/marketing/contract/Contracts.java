package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.numbering.DocumentNumbers;
import com.wholesaler.marketing.purchaseplan.ApprovedPurchase;
import com.wholesaler.marketing.purchaseplan.PurchasePlans;

/** What can be done with purchase contracts: from the approved plan to the goods received. */
@Service
@Transactional
public class Contracts {

	/** A line the drafter sets: cartons 0 removes it; the price defaults to the product's allocation price. */
	public record LineChange(String productCode, int cartons, BigDecimal unitPrice, String reason) {
	}

	/** One scanned case from the arrival record, or (caseCode null) a quantity typed by hand. */
	public record Received(String caseCode, String productCode, int cartons) {
	}

	private final ContractRepository repository;
	private final PurchasePlans plans;
	private final Catalog catalog;
	private final DocumentNumbers numbers;
	private final Clock clock;

	private final ApprovalCore approvals;
	private final ApprovalSheet sheet;

	Contracts(ContractRepository repository, PurchasePlans plans, Catalog catalog, DocumentNumbers numbers, Clock clock, ApprovalCore approvals,
			ApprovalSheet sheet) {
		this.repository = repository;
		this.approvals = approvals;
		this.sheet = sheet;
		this.plans = plans;
		this.catalog = catalog;
		this.numbers = numbers;
		this.clock = clock;
	}

	/**
	 * A contract for a manufacturer, drafted by the given process instance: from an approved plan (its
	 * lines taken over) or by hand (period and reason).
	 */
	public String open(String planNumber, String manufacturerCode, String period, String reason, String by, String processInstanceId) {
		String code = catalog.findManufacturer(manufacturerCode).orElseThrow(() -> new BusinessRuleException(
				"找不到工業企業「%s」，或有多家符合：請輸入代碼或完整名稱 (unknown manufacturer)".formatted(manufacturerCode)));
		List<ContractLine> lines = new ArrayList<>();
		String contractPeriod;
		if (planNumber != null) {
			ApprovedPurchase purchase = plans.approvedPurchase(planNumber, code);
			repository.numberFor(planNumber, code).ifPresent(existing -> {
				throw new BusinessRuleException("計畫 %s 與 %s 已有合同 %s，一個計畫對每家工業企業只簽一份合同 (one contract per plan and manufacturer)"
						.formatted(planNumber, code, existing));
			});
			contractPeriod = purchase.period().toString();
			for (ApprovedPurchase.Line l : purchase.lines()) {
				lines.add(new ContractLine(l.productCode(), l.productName(), l.cartons(), l.allocationPrice(),
						l.cartons(), l.allocationPrice(), null, 0));
			}
		}
		else {
			contractPeriod = period(period).toString();
			if (reason == null || reason.isBlank()) {
				throw new BusinessRuleException("不依計畫簽訂的合同請說明理由 (a reason is required)");
			}
		}
		String number = "HT-%d-%04d".formatted(LocalDateTime.now(clock).getYear(), numbers.next("HT-" + LocalDateTime.now(clock).getYear()));
		repository.insert(Contract.drafted(number, planNumber, code, contractPeriod, reason, now(), processInstanceId));
		repository.insertLines(number, lines);
		event(number, ContractStep.DRAFT, ApprovalEventType.CREATE, planNumber == null ? reason : "依購進計畫 " + planNumber, by);
		return number;
	}

	/**
	 * The drafter's contract: lines changed or added (cartons whole and positive, 0 removes; prices
	 * positive with two decimals at most; products of this manufacturer), a reason wherever a line
	 * differs from the approved plan, payment terms. One error changes nothing.
	 */
	public void submitDraft(String number, String by, List<LineChange> changes, String paymentTerms, String deliverySchedule) {
		Contract c = contract(number);
		Contract submitted = c.submitted(by, paymentTerms);
		Map<String, ContractLine> lines = new LinkedHashMap<>();
		repository.lines(number).forEach(l -> lines.put(l.productCode(), l));
		List<String> errors = new ArrayList<>();
		for (LineChange change : changes) {
			String code = change.productCode().trim().toUpperCase();
			try {
				Product p = catalog.product(code).orElseThrow(() -> new BusinessRuleException("找不到捲菸規格「%s」".formatted(code)));
				if (!p.manufacturerCode().equals(c.manufacturerCode())) {
					throw new BusinessRuleException("規格 %s 不是本工業企業的產品 (another manufacturer's product)".formatted(code));
				}
				if (change.cartons() < 0) {
					throw new BusinessRuleException("規格 %s 的數量必須是正整數（條）(cartons must be positive)".formatted(code));
				}
				BigDecimal price = change.unitPrice() == null ? p.allocationPrice() : change.unitPrice();
				if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
					throw new BusinessRuleException("規格 %s 的單價 %s 必須大於零且最多兩位小數 (price)".formatted(code, price.toPlainString()));
				}
				ContractLine old = lines.get(code);
				if (change.cartons() == 0) {
					lines.remove(code);
				}
				else {
					lines.put(code, new ContractLine(code, p.name(), change.cartons(), price,
							old == null ? null : old.plannedCartons(), old == null ? null : old.plannedPrice(),
							change.reason() == null || change.reason().isBlank() ? (old == null ? null : old.deviationReason()) : change.reason().trim(), 0));
				}
			}
			catch (BusinessRuleException e) {
				errors.add(e.getMessage());
			}
		}
		if (lines.isEmpty()) {
			errors.add("合同沒有任何品規：請在「修改或新增明細」每行填寫「規格代碼 數量（條）」，可選的品規列在表「工業企業的在售品規」中 (the contract has no lines: add them, the manufacturer's products are listed in the form)");
		}
		for (ContractLine l : lines.values()) {
			boolean added = c.planNumber() != null && l.plannedCartons() == null;
			if ((l.deviatesFromPlan() || added) && (l.deviationReason() == null || l.deviationReason().isBlank())) {
				errors.add("規格 %s 與批准的計畫不同，請說明理由 (a line differing from the plan needs a reason)".formatted(l.productCode()));
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
		repository.replaceLines(number, new ArrayList<>(lines.values()));
		repository.update(submitted);
		if (deliverySchedule != null && !deliverySchedule.isBlank()) {
			repository.setDeliverySchedule(number, deliverySchedule.trim());
		}
		event(number, ContractStep.DRAFT, ApprovalEventType.SUBMIT, null, by);
	}

	/** A reviewer's decision at a step, by the signed-in user, as the approval core allows it. */
	public void decide(String number, ContractStep step, Decision decision, String comment) {
		Contract contract = contract(number);
		ApprovalCore.Verdict verdict = approvals.check(contract, step, decision, comment);
		repository.update(contract.decided(verdict, now()));
		approvals.record(contract, verdict);
	}

	/** Recorded when the approved contract goes to the manufacturer (an integration can replace the sending). */
	public void sent(String number) {
		event(number, ContractStep.SIGNING, ApprovalEventType.SENT, "已發送至工業企業，請在交易平台會簽", null);
	}

	public void remindSigning(String number) {
		event(number, ContractStep.SIGNING, ApprovalEventType.REMIND, "發出 5 個工作日仍未會簽", null);
	}

	public void escalateSigning(String number) {
		event(number, ContractStep.SIGNING, ApprovalEventType.ESCALATE, "發出 10 個工作日仍未會簽，上報營銷中心主任", null);
	}

	public void keepWaiting(String number, String by, String comment) {
		event(number, ContractStep.SIGNING, ApprovalEventType.KEEP_WAITING, comment, by);
	}

	public void cancel(String number, String by, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("取消合同請說明理由 (a reason is required)");
		}
		repository.update(contract(number).cancelled(now()));
		event(number, ContractStep.SIGNING, ApprovalEventType.CANCEL, reason, by);
	}

	public void signed(String number, String platformContractNumber, String by) {
		repository.update(contract(number).signed(platformContractNumber, now()));
		event(number, ContractStep.SIGNING, ApprovalEventType.SIGNED, "交易平台合同編號 " + platformContractNumber, by == null ? "工業企業" : by);
	}

	/**
	 * An arrival: cartons per product from the scanned cases (a case code already received is
	 * refused) or typed by hand, less what is damaged. Stock rises by the good cartons and leaves
	 * transit, in the same transaction. Nothing above what the contract still expects is accepted.
	 *
	 * @return whether every line has now arrived in full
	 */
	public boolean confirmArrival(String number, String by, List<Received> received, Map<String, Integer> damaged, String note) {
		Contract c = contract(number);
		c.requirePerforming();
		if (received.isEmpty()) {
			throw new BusinessRuleException("請填寫到貨記錄：掃碼的件或手工填寫的數量 (the arrival record is empty)");
		}
		Map<String, ContractLine> lines = new LinkedHashMap<>();
		repository.lines(number).forEach(l -> lines.put(l.productCode(), l));
		Map<String, Integer> perProduct = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		Set<String> caseCodes = new HashSet<>();
		for (Received r : received) {
			String code = r.productCode().trim().toUpperCase();
			if (!lines.containsKey(code)) {
				errors.add("規格 %s 不在合同中 (not in the contract)".formatted(code));
				continue;
			}
			if (r.cartons() <= 0) {
				errors.add("規格 %s 的到貨數量必須是正整數（條）(cartons must be positive)".formatted(code));
				continue;
			}
			if (r.caseCode() != null && !caseCodes.add(r.caseCode())) {
				errors.add("件號 %s 在記錄中重複 (case listed twice)".formatted(r.caseCode()));
			}
			perProduct.merge(code, r.cartons(), Integer::sum);
		}
		List<String> already = repository.caseCodesAlreadyReceived(new ArrayList<>(caseCodes));
		if (!already.isEmpty()) {
			errors.add("以下件號已經收過貨，不能重複入庫：" + String.join("、", already) + " (case already received)");
		}
		perProduct.forEach((code, cartons) -> {
			ContractLine line = lines.get(code);
			if (cartons > line.remainingCartons()) {
				errors.add("規格 %s 本次到貨 %d 條，超過合同尚未到貨的 %d 條 (more than the contract still expects)"
						.formatted(code, cartons, line.remainingCartons()));
			}
			int broken = damaged.getOrDefault(code, 0);
			if (broken < 0 || broken > cartons) {
				errors.add("規格 %s 的破損數量 %d 不對 (damaged cartons)".formatted(code, broken));
			}
		});
		damaged.keySet().stream().filter(code -> !perProduct.containsKey(code))
				.forEach(code -> errors.add("破損記錄中的規格 %s 本次沒有到貨 (damage without arrival)".formatted(code)));
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
		long arrivalId = repository.recordArrival(number, by, note, now());
		perProduct.forEach((code, cartons) -> {
			int broken = damaged.getOrDefault(code, 0);
			repository.addArrivalLine(arrivalId, code, cartons, broken);
			repository.receiveIntoStock(code, cartons, broken);
			catalog.recordArrival(code, cartons - broken);
		});
		for (Received r : received) {
			if (r.caseCode() != null) {
				repository.addReceivedCase(r.caseCode(), number, r.productCode().trim().toUpperCase(), r.cartons(), arrivalId);
			}
		}
		int total = perProduct.values().stream().mapToInt(Integer::intValue).sum();
		event(number, ContractStep.PERFORMANCE, ApprovalEventType.ARRIVAL, "到貨 %,d 條%s".formatted(total,
				damaged.isEmpty() ? "" : "，破損 %d 條".formatted(damaged.values().stream().mapToInt(Integer::intValue).sum())), by);
		boolean allDelivered = allDelivered(number);
		if (allDelivered) {
			repository.update(contract(number).delivered());
			event(number, ContractStep.PERFORMANCE, ApprovalEventType.DELIVERED, null, null);
		}
		return allDelivered;
	}

	/** Every line of the contract arrived in full. */
	@Transactional(readOnly = true)
	public boolean allDelivered(String number) {
		return repository.lines(number).stream().allMatch(l -> l.remainingCartons() == 0);
	}

	public void complete(String number) {
		repository.update(contract(number).completed(now()));
		event(number, ContractStep.PERFORMANCE, ApprovalEventType.COMPLETED, "全部到貨、開票、付款", null);
	}

	/** The director ends a contract in performance early, with a reason. */
	public void terminate(String number, String by, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("終止合同請說明理由 (a reason is required)");
		}
		repository.update(contract(number).terminated(now()));
		event(number, ContractStep.PERFORMANCE, ApprovalEventType.TERMINATED, reason, by);
	}

	@Transactional(readOnly = true)
	public Contract contract(String number) {
		return repository.find(number).orElseThrow(() ->
				new BusinessRuleException("找不到合同 %s (no such contract)".formatted(number)));
	}

	@Transactional(readOnly = true)
	public List<ContractLine> lines(String number) {
		return repository.lines(number);
	}

	@Transactional(readOnly = true)
	public List<ContractArrival> arrivals(String number) {
		return repository.arrivals(number);
	}

	@Transactional(readOnly = true)
	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	@Transactional(readOnly = true)
	public List<Contract> recent(int limit) {
		return repository.recent(limit);
	}

	private static YearMonth period(String text) {
		try {
			return YearMonth.parse(text == null ? "" : text.trim());
		}
		catch (DateTimeParseException e) {
			throw new BusinessRuleException("合同期間「%s」格式不對，請填寫 YYYY-MM (period)".formatted(text));
		}
	}

	private void event(String number, ContractStep step, ApprovalEventType type, String comment, String actor) {
		sheet.record(number, step, type, comment, actor);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}
}
