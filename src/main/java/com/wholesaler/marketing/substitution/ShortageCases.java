package com.wholesaler.marketing.substitution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.catalog.Retailer;
import com.wholesaler.marketing.identity.Role;

/** What can be done with shortage cases, their plans and the allocation limits in force. */
@Service
@Transactional
public class ShortageCases {

	public static final String STOCK_WARNING = "庫存預警";
	static final int DEFAULT_VALIDITY_DAYS = 14;

	private final ShortageRepository repository;
	private final Catalog catalog;
	private final Clock clock;

	private final ApprovalCore approvals;
	private final ApprovalSheet sheet;
	private final RuntimeService runtimeService;

	ShortageCases(ShortageRepository repository, Catalog catalog, Clock clock, ApprovalCore approvals, ApprovalSheet sheet,
			RuntimeService runtimeService) {
		this.repository = repository;
		this.runtimeService = runtimeService;
		this.approvals = approvals;
		this.sheet = sheet;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Opens the case of a short product; one open case per product, one case number per product and day. */
	public String open(String productCode, String startedBy, String note) {
		Product product = catalog.findProduct(productCode).orElseThrow(() ->
				new BusinessRuleException("找不到捲菸規格「%s」，或有多個規格符合：請輸入代碼或完整名稱 (unknown product)".formatted(productCode)));
		String code = product.code();
		if (!product.isActive()) {
			throw new BusinessRuleException("規格 %s %s 已停銷 (discontinued)".formatted(code, product.name()));
		}
		repository.openCaseFor(code).ifPresent(open -> {
			throw new BusinessRuleException("規格 %s 已有進行中的替代方案 %s (a case is already open)".formatted(code, open.caseNumber()));
		});
		String number = "SS-%s-%s".formatted(code, today().format(DateTimeFormatter.BASIC_ISO_DATE));
		if (repository.find(number).isPresent()) {
			throw new BusinessRuleException("規格 %s 今天已處理過缺貨方案 %s (already handled today)".formatted(code, number));
		}
		repository.insert(new ShortageCase(number, code, startedBy, null, ShortageStatus.DRAFTING, ShortageStep.PROPOSE,
				null, null, note, now(), null, null));
		event(number, ShortageStep.PROPOSE, ApprovalEventType.CREATE, note, startedBy);
		return number;
	}

	public void attachProcess(String caseNumber, String instanceId) {
		repository.update(shortageCase(caseNumber).attachedTo(instanceId));
	}

	/** The system's proposal: substitutes, what each can give this week, and limits by tier. */
	public void propose(String caseNumber, double[] tierWeights) {
		ShortageCase c = shortageCase(caseNumber);
		List<ProductStock> all = catalog.stockPositions();
		ProductStock shortProduct = all.stream().filter(s -> s.product().code().equals(c.productCode())).findFirst().orElseThrow();
		List<ProductStock> chosen = new ArrayList<>();
		chosen.add(shortProduct);
		chosen.addAll(SubstituteFinder.substitutesFor(shortProduct, all));
		repository.replaceProducts(caseNumber, allocate(chosen, tierWeights));
		repository.update(c.proposed(today(), today().plusDays(DEFAULT_VALIDITY_DAYS)));
		event(caseNumber, ShortageStep.PROPOSE, ApprovalEventType.PROPOSED, "替代規格 %d 個".formatted(chosen.size() - 1), null);
	}

	/**
	 * The drafter's plan: substitutes (codes, comma separated; null keeps them), tier limits changed by
	 * hand, validity and note. Limits are whole cartons ≥ 0, never lower for a bigger tier, and within
	 * what each product has for the week. One error changes nothing.
	 */
	public void submit(String caseNumber, String by, String substituteCodes, List<LimitChange> changes, LocalDate from,
			LocalDate to, String note, Supplier<double[]> tierWeights) {
		ShortageCase c = shortageCase(caseNumber);
		ShortageCase submitted = c.submitted(by, from, to, note, today());
		List<ShortageProduct> products = repository.products(caseNumber);
		if (substituteCodes != null && !substituteCodes.equals(substituteCodes(products))) {
			products = allocate(chosenProducts(c.productCode(), substituteCodes), tierWeights.get());
		}
		Map<String, ShortageProduct> byCode = new LinkedHashMap<>();
		products.forEach(p -> byCode.put(p.productCode(), new ShortageProduct(p.productCode(), p.productName(), p.position(),
				p.availableCartons(), p.limits().clone())));
		List<String> errors = new ArrayList<>();
		for (LimitChange change : changes) {
			ShortageProduct p = byCode.get(change.productCode() == null ? "" : change.productCode().trim().toUpperCase());
			if (p == null) {
				errors.add("規格 %s 不在方案中 (not in the plan)".formatted(change.productCode()));
			}
			else if (change.tier() < Retailer.LOWEST_TIER || change.tier() > Retailer.HIGHEST_TIER) {
				errors.add("檔位 %d 不存在，只有 1–30 檔 (tiers are 1-30)".formatted(change.tier()));
			}
			else if (change.limit() < 0) {
				errors.add("%s %d 檔的限量必須是不小於零的整數 (limits are whole cartons ≥ 0)".formatted(p.productCode(), change.tier()));
			}
			else {
				p.limits()[change.tier()] = change.limit();
			}
		}
		int[] retailers = catalog.activeRetailerCounts().perTier();
		for (ShortageProduct p : byCode.values()) {
			for (int t = 2; t <= TierAllocation.TIERS; t++) {
				if (p.limits()[t] < p.limits()[t - 1]) {
					errors.add("%s 的 %d 檔限量（%d 條）低於 %d 檔（%d 條）：檔位越高限量不能越低 (limits never decrease with the tier)"
							.formatted(p.productCode(), t, p.limits()[t], t - 1, p.limits()[t - 1]));
					break;
				}
			}
			long total = TierAllocation.cost(p.limits(), retailers);
			if (total > p.availableCartons()) {
				errors.add("%s 的限量合計 %,d 條，超過本週可投放的 %,d 條 (total above what is available)"
						.formatted(p.productCode(), total, p.availableCartons()));
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
		repository.replaceProducts(caseNumber, new ArrayList<>(byCode.values()));
		repository.update(submitted);
		event(caseNumber, ShortageStep.DRAFT, ApprovalEventType.SUBMIT, note, by);
	}

	/** A reviewer's decision at a step, by the signed-in user, as the approval core allows it. */
	public void decide(String caseNumber, ShortageStep step, Decision decision, String comment) {
		ShortageCase shortage = shortageCase(caseNumber);
		ApprovalCore.Verdict verdict = approvals.check(shortage, step, decision, comment);
		ShortageCase decided = shortage.decided(verdict, now());
		boolean replan = decided.status() == ShortageStatus.REJECTED && repository.limitsInForce(caseNumber);
		repository.update(replan ? shortage.resumed() : decided);
		approvals.record(shortage, verdict);
		if (replan) {
			event(caseNumber, ShortageStep.PUBLISHED, ApprovalEventType.PUBLISHED, "重新擬訂未獲同意，原限量 %s 至 %s 繼續執行"
					.formatted(shortage.validFrom(), shortage.validTo()), null);
		}
	}

	/**
	 * The supply manager re-plans the limits of a case in force (「適時調整貨源採購進度和投放計畫」): the case is
	 * drafted again and goes through the same review and approval; the limits in force stay until the new
	 * ones are published, or go on if the new plan is refused. Only the supply manager, only a case in
	 * force, only with a reason.
	 */
	public void requestReplan(String caseNumber, String by, Set<String> groups, String reason) {
		if (!groups.contains(Role.SUPPLY_MANAGER.groupId())) {
			throw new ActionForbidden("重新擬訂限量由貨源管理員提出 (only the supply manager re-plans limits)");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > ApprovalCore.COMMENT_LIMIT) {
			throw new BusinessRuleException("請寫明重新擬訂限量的理由（最多 1000 字）(a reason is required)");
		}
		ShortageCase c = shortageCase(caseNumber);
		repository.update(c.replanning());
		event(caseNumber, ShortageStep.DRAFT, ApprovalEventType.AMENDMENT_REQUESTED, "重新擬訂限量：" + why, by);
		runtimeService.createMessageCorrelation(ShortageProcess.MESSAGE_REPLAN).processInstanceBusinessKey(caseNumber).correlate();
	}

	/** The model's check when the re-plan message arrives: only a re-plan the supply manager asked for on the portal opens. */
	public void replanOpened(String caseNumber) {
		ShortageCase c = shortageCase(caseNumber);
		if (c.status() != ShortageStatus.DRAFTING || !repository.limitsInForce(caseNumber)) {
			throw new BusinessRuleException("方案 %s 沒有經貨源管理員提出的重新擬訂 (no re-plan was asked for)".formatted(caseNumber));
		}
	}

	/** Keeps the rule table's answer on whether the director approves as well. */
	public void routed(String caseNumber, boolean needsDirector) {
		repository.update(shortageCase(caseNumber).routed(needsDirector));
	}

	/** The limits become the ones in force for the phone-ordering side. */
	public void publish(String caseNumber) {
		ShortageCase c = shortageCase(caseNumber);
		// a re-plan replaces the limits in force from its publication on
		repository.endLimits(caseNumber, now());
		repository.publish(caseNumber, repository.products(caseNumber), c.validFrom(), c.validTo());
		repository.update(c.published());
		event(caseNumber, ShortageStep.PUBLISHED, ApprovalEventType.PUBLISHED, "%s 至 %s".formatted(c.validFrom(), c.validTo()), null);
	}

	public void acknowledge(String caseNumber, String by, String what) {
		event(caseNumber, ShortageStep.PUBLISHED, ApprovalEventType.ACKNOWLEDGE, what, by);
	}

	public void expire(String caseNumber) {
		end(caseNumber, ShortageStatus.EXPIRED, ApprovalEventType.EXPIRED);
	}

	public void recovered(String caseNumber) {
		end(caseNumber, ShortageStatus.RECOVERED, ApprovalEventType.RECOVERED);
	}

	private void end(String caseNumber, ShortageStatus status, ApprovalEventType type) {
		repository.update(shortageCase(caseNumber).ended(status, now()));
		repository.endLimits(caseNumber, now());
		event(caseNumber, ShortageStep.ENDED, type, null, null);
	}

	/** The share (%) of retailers whose limit of the short product is lower than last week's (all, the first time). */
	@Transactional(readOnly = true)
	public double lowerLimitShare(String caseNumber) {
		ShortageCase c = shortageCase(caseNumber);
		ShortageProduct shortProduct = repository.products(caseNumber).get(0);
		int[] retailers = catalog.activeRetailerCounts().perTier();
		int[] previous = repository.previousLimits(c.productCode(), caseNumber).orElse(null);
		long total = 0;
		long lower = 0;
		for (int t = 1; t <= TierAllocation.TIERS; t++) {
			total += retailers[t];
			if (previous == null || shortProduct.limits()[t] < previous[t]) {
				lower += retailers[t];
			}
		}
		return total == 0 ? 0 : lower * 100.0 / total;
	}

	@Transactional(readOnly = true)
	public int priceClass(String caseNumber) {
		return catalog.product(shortageCase(caseNumber).productCode()).orElseThrow().priceClass().number();
	}

	@Transactional(readOnly = true)
	public ShortageCase shortageCase(String caseNumber) {
		return repository.find(caseNumber).orElseThrow(() ->
				new BusinessRuleException("找不到缺貨替代方案 %s (no such case)".formatted(caseNumber)));
	}

	/** Whether the product already had a case today (whatever became of it): the warning starts one a day at most. */
	@Transactional(readOnly = true)
	public boolean handledToday(String productCode) {
		return repository.find("SS-%s-%s".formatted(productCode, today().format(DateTimeFormatter.BASIC_ISO_DATE))).isPresent();
	}

	@Transactional(readOnly = true)
	public java.util.Optional<ShortageCase> openCaseFor(String productCode) {
		return repository.openCaseFor(productCode);
	}

	@Transactional(readOnly = true)
	public List<ShortageCase> activeCases() {
		return repository.activeCases();
	}

	@Transactional(readOnly = true)
	public List<ShortageProduct> products(String caseNumber) {
		return repository.products(caseNumber);
	}

	@Transactional(readOnly = true)
	public List<ApprovalEvent> history(String caseNumber) {
		return sheet.of(caseNumber);
	}

	@Transactional(readOnly = true)
	public List<ShortageCase> recent(int limit) {
		return repository.recent(limit);
	}

	@Transactional(readOnly = true)
	public List<ActiveLimit> activeLimits() {
		return repository.activeLimits(today());
	}

	static String substituteCodes(List<ShortageProduct> products) {
		return String.join(",", products.stream().filter(p -> !p.isShortProduct()).map(ShortageProduct::productCode).toList());
	}

	private List<ProductStock> chosenProducts(String shortCode, String substituteCodes) {
		List<ProductStock> chosen = new ArrayList<>();
		chosen.add(catalog.stockPosition(shortCode).orElseThrow());
		for (String code : substituteCodes.split("[,，、\\s]+")) {
			if (code.isBlank()) {
				continue;
			}
			String c = code.trim().toUpperCase();
			ProductStock s = catalog.stockPosition(c).orElseThrow(() ->
					new BusinessRuleException("找不到替代規格「%s」(unknown substitute)".formatted(code)));
			if (!s.product().isActive() || c.equals(shortCode)) {
				throw new BusinessRuleException("規格 %s 不能作為替代規格 (not a possible substitute)".formatted(c));
			}
			chosen.add(s);
		}
		return chosen;
	}

	/** What each product has for the week, and its limits by tier from the tier weights. */
	private List<ShortageProduct> allocate(List<ProductStock> chosen, double[] tierWeights) {
		int[] retailers = catalog.activeRetailerCounts().perTier();
		List<ShortageProduct> products = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			ProductStock s = chosen.get(i);
			int available = available(s, i == 0);
			products.add(new ShortageProduct(s.product().code(), s.product().name(), i, available,
					TierAllocation.limits(available, retailers, tierWeights)));
		}
		return products;
	}

	/**
	 * The short product gives all it has and what arrives; a substitute only what lies above its own
	 * safety stock (warning level in days of its sales).
	 */
	static int available(ProductStock s, boolean shortProduct) {
		if (shortProduct) {
			return s.onHand() + s.inTransit();
		}
		double safety = s.averageDailySales() == null ? 0 : s.averageDailySales().doubleValue() * s.warningDays();
		return (int) Math.max(0, Math.floor(s.onHand() - safety));
	}

	private void event(String caseNumber, ShortageStep step, ApprovalEventType type, String comment, String actor) {
		sheet.record(caseNumber, step, type, comment, actor);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
