package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
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

/** What can be done with price-adjustment proposals and the price database. */
@Service
@Transactional
public class PriceProposals {

	/** The authority decides for the company; its decisions are recorded under this name. */
	public static final String PRICE_AUTHORITY = "價格主管部門";

	private final PriceProposalRepository repository;
	private final Catalog catalog;
	private final DocumentNumbers numbers;
	private final Clock clock;

	private final ApprovalCore approvals;
	private final ApprovalSheet sheet;

	PriceProposals(PriceProposalRepository repository, Catalog catalog, DocumentNumbers numbers, Clock clock, ApprovalCore approvals,
			ApprovalSheet sheet) {
		this.repository = repository;
		this.approvals = approvals;
		this.sheet = sheet;
		this.catalog = catalog;
		this.numbers = numbers;
		this.clock = clock;
	}

	public String propose(List<ProposedPrice> prices, String reason, LocalDate effectiveDate, String proposer) {
		String number = "PA-%d-%04d".formatted(today().getYear(), numbers.next("PA-" + today().getYear()));
		PriceProposal proposal = PriceProposal.propose(number, proposer, reason, effectiveDate, now());
		List<PriceLine> lines = lines(number, prices);
		repository.insert(proposal);
		repository.replaceLines(number, lines);
		event(number, ProposalStep.PROPOSE, ApprovalEventType.CREATE, reason, proposer);
		return number;
	}

	public void attachProcess(String number, String processInstanceId) {
		PriceProposal p = proposal(number);
		p.attachTo(processInstanceId);
		repository.update(p);
	}

	public void revise(String number, List<ProposedPrice> prices, String reason, LocalDate effectiveDate, String by) {
		PriceProposal p = proposal(number);
		p.revise(by, reason, effectiveDate, today());
		List<PriceLine> lines = lines(number, prices);
		repository.update(p);
		repository.replaceLines(number, lines);
		event(number, ProposalStep.PROPOSE, ApprovalEventType.RESUBMIT, reason, by);
	}

	public void withdraw(String number, String by, String comment) {
		PriceProposal p = proposal(number);
		p.withdraw(by, now());
		repository.update(p);
		event(number, ProposalStep.PROPOSE, ApprovalEventType.WITHDRAW, comment, by);
	}

	/** Records the rules' verdict over all lines. */
	public void rulesChecked(String number, PriceRuleVerdict verdict) {
		PriceProposal p = proposal(number);
		p.rulesChecked(verdict.refusal(), verdict.needsExecutive(), verdict.urgentAllowed());
		repository.update(p);
		event(number, ProposalStep.RULES, verdict.refusal() == null ? ApprovalEventType.RULES_PASSED : ApprovalEventType.RULES_REFUSED,
				verdict.refusal() == null ? verdict.summary() : verdict.refusal(), null);
	}

	/** A reviewer's decision at a step, by the signed-in user, as the approval core allows it. */
	public void decide(String number, ProposalStep step, Decision decision, boolean urgentNow, String comment) {
		PriceProposal p = proposal(number);
		ApprovalCore.Verdict verdict = approvals.check(p, step, decision, comment);
		p.decide(verdict, urgentNow, now());
		repository.update(p);
		approvals.record(p, verdict, urgentNow ? ApprovalEventType.APPROVE_URGENT : ApprovalEventType.of(decision), null);
	}

	public void reportToAuthority(String number) {
		PriceProposal p = proposal(number);
		p.reported();
		repository.update(p);
		event(number, ProposalStep.AUTHORITY, ApprovalEventType.REPORTED, "已報送價格主管部門，等待批覆", null);
	}

	public void remindAuthorityFollowUp(String number) {
		event(number, ProposalStep.AUTHORITY, ApprovalEventType.REMIND, "上報 15 個工作日仍未收到批覆，請催辦", null);
	}

	/**
	 * The price authority's decision, by message or entered from paper. When it accepts with other
	 * prices, those replace the proposed ones for the products it names.
	 */
	public void authorityDecided(String number, boolean accepted, String reason, List<ProposedPrice> changedPrices, String recordedBy) {
		PriceProposal p = proposal(number);
		p.authorityDecided(accepted, reason, now());
		if (accepted && changedPrices != null && !changedPrices.isEmpty()) {
			List<PriceLine> lines = new ArrayList<>(repository.lines(number));
			for (ProposedPrice changed : changedPrices) {
				int at = indexOf(lines, changed.productCode());
				if (at < 0) {
					throw new BusinessRuleException("上級批覆中的規格 %s 不在建議 %s 中 (not in the proposal)".formatted(changed.productCode(), number));
				}
				requirePrices(changed.productCode(), changed.wholesale(), changed.retail());
				lines.set(at, lines.get(at).withFinal(changed.wholesale(), changed.retail()));
			}
			repository.replaceLines(number, lines);
		}
		repository.update(p);
		String comment = accepted ? (changedPrices == null || changedPrices.isEmpty() ? "按建議價格批准" : "批准，價格有調整") : reason;
		event(number, ProposalStep.AUTHORITY, accepted ? ApprovalEventType.ACCEPTED : ApprovalEventType.REFUSED,
				comment + (recordedBy == null ? "" : "（由 %s 錄入）".formatted(recordedBy)), PRICE_AUTHORITY);
	}

	/** The new prices take effect today, all products in one transaction; the old prices stay in the history. */
	public void applyPrices(String number) {
		PriceProposal p = proposal(number);
		// The urgent path takes effect the day it is decided; otherwise the proposal's effective date.
		LocalDate from = p.urgent() ? today() : p.effectiveDate();
		for (PriceLine line : repository.lines(number)) {
			repository.changePrice(line.productCode(), line.proposedAllocation(), line.effectiveWholesale(),
					line.effectiveRetail(), from, number);
		}
		p.madeEffective(now());
		repository.update(p);
		event(number, ProposalStep.EFFECTIVE, ApprovalEventType.EFFECTIVE, p.urgent() ? "先執行，待事後報備" : "按生效日期執行", null);
	}

	public void acknowledge(String number, String by, String roleName) {
		event(number, ProposalStep.NOTIFY, ApprovalEventType.ACKNOWLEDGE, roleName, by);
	}

	public void reportedAfterwards(String number, String reference, String by) {
		if (reference == null || reference.isBlank()) {
			throw new BusinessRuleException("請填寫報備文號 (the report's reference is required)");
		}
		PriceProposal p = proposal(number);
		p.reportedAfterwards(now());
		repository.update(p);
		event(number, ProposalStep.REPORT_AFTERWARDS, ApprovalEventType.REPORTED_AFTERWARDS, "報備文號 " + reference.trim(), by);
	}

	@Transactional(readOnly = true)
	public PriceProposal proposal(String number) {
		return repository.find(number).orElseThrow(() ->
				new BusinessRuleException("找不到價格調整建議 %s (no such proposal)".formatted(number)));
	}

	@Transactional(readOnly = true)
	public List<PriceLine> lines(String number) {
		return repository.lines(number);
	}

	@Transactional(readOnly = true)
	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	@Transactional(readOnly = true)
	public List<PriceProposal> recent(int limit) {
		return repository.recent(limit);
	}

	@Transactional(readOnly = true)
	public List<PriceListEntry> priceList() {
		return repository.priceList();
	}

	@Transactional(readOnly = true)
	public List<PriceRecord> priceHistory(String productCode) {
		return repository.priceHistory(productCode);
	}

	/** Checks every entered price and turns them into lines with today's prices and the warnings. */
	private List<PriceLine> lines(String number, List<ProposedPrice> prices) {
		if (prices == null || prices.isEmpty()) {
			throw new BusinessRuleException("請至少填寫一個規格的建議價格 (at least one product)");
		}
		List<String> errors = new ArrayList<>();
		List<PriceLine> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ProposedPrice price : prices) {
			String code = price.productCode() == null ? "" : price.productCode().trim().toUpperCase();
			try {
				if (!seen.add(code)) {
					throw new BusinessRuleException("規格 %s 填了兩次 (listed twice)".formatted(code));
				}
				Product product = catalog.product(code).orElseThrow(() ->
						new BusinessRuleException("找不到捲菸規格「%s」(unknown product)".formatted(code)));
				if (!product.isActive()) {
					throw new BusinessRuleException("規格 %s %s 已停銷 (discontinued)".formatted(code, product.name()));
				}
				BigDecimal allocation = price.allocation() == null ? product.allocationPrice() : price.allocation();
				requirePrices(code, price.wholesale(), price.retail());
				requirePrices(code, allocation, allocation);
				PriceLine line = new PriceLine(code, product.name(), product.allocationPrice(), product.wholesalePrice(),
						product.retailPrice(), allocation, price.wholesale(), price.retail(), null, null, null);
				lines.add(line.withWarnings(PriceWarnings.of(line, repository.lastWholesaleChange(code).orElse(null), today())));
			}
			catch (BusinessRuleException e) {
				errors.add(e.getMessage());
			}
		}
		List<String> busy = repository.openProposalsFor(number, lines.stream().map(PriceLine::productCode).toList());
		if (!busy.isEmpty()) {
			errors.add("以下規格已在其他進行中的價格建議裡，不能重複調整：" + String.join("、", busy) + " (already under change)");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
		return lines;
	}

	private static void requirePrices(String code, BigDecimal wholesale, BigDecimal retail) {
		for (BigDecimal price : new BigDecimal[] {wholesale, retail}) {
			if (price == null || price.signum() <= 0) {
				throw new BusinessRuleException("規格 %s 的價格必須大於零 (prices must be positive)".formatted(code));
			}
			if (price.stripTrailingZeros().scale() > 2) {
				throw new BusinessRuleException("規格 %s 的價格 %s 最多兩位小數 (two decimals at most)".formatted(code, price.toPlainString()));
			}
		}
	}

	private static int indexOf(List<PriceLine> lines, String code) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).productCode().equalsIgnoreCase(code)) {
				return i;
			}
		}
		return -1;
	}

	private void event(String number, ProposalStep step, ApprovalEventType type, String comment, String actor) {
		sheet.record(number, step, type, comment, actor);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/** Used by the pages: the proposals with their lines. */
	@Transactional(readOnly = true)
	public Map<String, List<PriceLine>> linesOf(List<PriceProposal> proposals) {
		Map<String, List<PriceLine>> byNumber = new java.util.LinkedHashMap<>();
		proposals.forEach(p -> byNumber.put(p.number(), repository.lines(p.number())));
		return byNumber;
	}
}
