package com.wholesaler.marketing.purchaseplan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.catalog.Cartons;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.numbering.DocumentNumbers;
import com.wholesaler.marketing.salesplan.SalesPlans;

/** What can be done with purchase plans; the delegates, listeners and pages all come through here. */
@Service
@Transactional
public class PurchasePlans {

	static final String CSV_HEADER = "product_code,product_name,manufacturer_code,suggested_cartons,planned_cartons,allocation_price";

	private final PurchasePlanRepository repository;
	private final Catalog catalog;
	private final DocumentNumbers numbers;
	private final Clock clock;

	private final ApprovalCore approvals;
	private final ApprovalSheet sheet;

	private final SalesPlans salesPlans;

	PurchasePlans(PurchasePlanRepository repository, Catalog catalog, DocumentNumbers numbers, Clock clock, ApprovalCore approvals,
			ApprovalSheet sheet, SalesPlans salesPlans) {
		this.repository = repository;
		this.salesPlans = salesPlans;
		this.approvals = approvals;
		this.sheet = sheet;
		this.catalog = catalog;
		this.numbers = numbers;
		this.clock = clock;
	}

	/** Opens a plan for a month and gives it its number, e.g. PP-2026-12-001. */
	public String create(YearMonth period, String note, String drafter) {
		if (period == null) {
			throw new BusinessRuleException("請填寫計畫月份，格式為 YYYY-MM，例如 2026-12 (period required)");
		}
		String planNumber = "PP-%d-%02d-%03d".formatted(period.getYear(), period.getMonthValue(),
				numbers.next("PP-" + period));
		PurchasePlan plan = PurchasePlan.draft(planNumber, period, note, drafter, now());
		repository.insert(plan);
		sheet.record(plan, PlanStep.DRAFT, ApprovalEventType.CREATE, note, drafter);
		return planNumber;
	}

	public void attachProcess(String planNumber, String processInstanceId) {
		PurchasePlan plan = plan(planNumber);
		plan.attachTo(processInstanceId);
		repository.update(plan);
	}

	/** Suggests quantities for every active product that needs buying; replaces earlier lines. */
	/**
	 * Fills the plan with the suggested quantities: from the month's approved sales plan when there is
	 * one, else from the 28-day forecast; both suggestions are kept per product for the plan's page.
	 */
	public int proposeQuantities(String planNumber) {
		PurchasePlan plan = plan(planNumber);
		plan.requireEditable();
		int days = plan.period().lengthOfMonth();
		java.util.Optional<SalesPlans.SalesPlan> salesPlan = salesPlans.approved(plan.period());
		Map<String, Integer> plannedSales = new java.util.HashMap<>();
		salesPlan.ifPresent(sp -> salesPlans.lines(sp.planNumber()).forEach(l -> plannedSales.put(l.productCode(), l.planned())));
		List<PlanLine> lines = new ArrayList<>();
		List<PlanBasis> basis = new ArrayList<>();
		Map<String, Integer> firstOrders = catalog.pendingFirstOrders();
		for (ProductStock stock : catalog.stockPositions()) {
			Product p = stock.product();
			int forecast = QuantityProposal.suggestedCartons(stock, days);
			Integer sales = salesPlan.isPresent() ? plannedSales.getOrDefault(p.code(), 0) : null;
			Integer fromSales = sales == null ? null : QuantityProposal.fromPlannedSales(stock, sales, days);
			int suggested = fromSales == null ? forecast : fromSales;
			// a new product has no sales to forecast from: its introduction's first order is the suggestion
			Integer firstOrder = firstOrders.get(p.code());
			if (firstOrder != null && suggested == 0) {
				suggested = (firstOrder + PlanLine.CARTONS_PER_CASE - 1) / PlanLine.CARTONS_PER_CASE * PlanLine.CARTONS_PER_CASE;
				catalog.firstOrderPlanned(p.code(), planNumber);
			}
			if (forecast > 0 || (sales != null && sales > 0)) {
				basis.add(new PlanBasis(p.code(), forecast, sales, fromSales));
			}
			if (suggested > 0) {
				lines.add(new PlanLine(p.code(), p.name(), p.manufacturerCode(), suggested, suggested, p.allocationPrice()));
			}
		}
		repository.replaceLines(planNumber, lines);
		repository.replaceBasis(planNumber, salesPlan.map(SalesPlans.SalesPlan::planNumber).orElse(null), basis);
		replanBatches(plan, lines);
		return lines.size();
	}

	/** Per product, the forecast's and the sales plan's suggestions the plan was proposed with. */
	public Map<String, PlanBasis> basis(String planNumber) {
		return repository.basis(planNumber);
	}

	/** The approved sales plan the purchase plan was proposed from, if it was. */
	public java.util.Optional<String> salesPlanNumber(String planNumber) {
		return repository.salesPlanNumber(planNumber);
	}

	/** Sets the planned cartons of one product; a product not yet in the plan is added. */
	public void changePlanned(String planNumber, String productCode, int cartons, String by) {
		PurchasePlan plan = editableBy(planNumber, by);
		Map<String, PlanLine> lines = linesByProduct(planNumber);
		lines.put(productCode, changedLine(lines.get(productCode), productCode, cartons, 0));
		save(plan, lines);
	}

	/**
	 * Sets the planned cartons of several products at once (the plan page, which showed the plan at
	 * {@code seenVersion}); one bad value changes nothing.
	 */
	public void changePlanned(String planNumber, Map<String, String> cartonsByProduct, String by, Integer seenVersion) {
		PurchasePlan plan = editableBy(planNumber, by);
		plan.requireVersion(seenVersion);
		Map<String, PlanLine> lines = linesByProduct(planNumber);
		List<String> errors = new ArrayList<>();
		cartonsByProduct.forEach((code, text) -> {
			try {
				lines.put(code, changedLine(lines.get(code), code, parseCartons(text.trim()), 0));
			}
			catch (BusinessRuleException e) {
				errors.add(code + "：" + e.getMessage());
			}
		});
		if (!errors.isEmpty()) {
			throw new BusinessRuleException("有 %d 處錯誤，未做任何修改：%s".formatted(errors.size(), String.join("；", errors)));
		}
		save(plan, lines);
	}

	/**
	 * Replaces the planned cartons from a CSV file (as exported). Every row is checked first; one bad
	 * row refuses the whole file with the row numbers, and nothing changes.
	 */
	public int importCsv(String planNumber, Reader csv, String by, Integer seenVersion) {
		PurchasePlan plan = editableBy(planNumber, by);
		plan.requireVersion(seenVersion);
		Map<String, PlanLine> lines = linesByProduct(planNumber);
		List<String> errors = new ArrayList<>();
		int rows = 0;
		try (BufferedReader reader = new BufferedReader(csv)) {
			String header = reader.readLine();
			if (header == null || !header.replace("\uFEFF", "").trim().startsWith("product_code")) {
				throw new BusinessRuleException("CSV 檔第一行必須是欄位名稱：" + CSV_HEADER + " (header missing)");
			}
			String row;
			int rowNumber = 1;
			while ((row = reader.readLine()) != null) {
				rowNumber++;
				if (row.isBlank()) {
					continue;
				}
				String[] cells = row.split(",", -1);
				if (cells.length < 5) {
					errors.add("第 %d 行：欄位不足 (too few columns)".formatted(rowNumber));
					continue;
				}
				String code = cells[0].trim();
				try {
					int cartons = parseCartons(cells[4].trim());
					lines.put(code, changedLine(lines.get(code), code, cartons, rowNumber));
					rows++;
				}
				catch (BusinessRuleException e) {
					errors.add(e.getMessage());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException("CSV 檔有 %d 處錯誤，未做任何修改：%s".formatted(errors.size(), String.join("；", errors)));
		}
		save(plan, lines);
		return rows;
	}

	public String exportCsv(String planNumber) {
		StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
		for (PlanLine line : lines(planNumber)) {
			csv.append(line.productCode()).append(',').append(line.productName().replace(',', ' ')).append(',')
					.append(line.manufacturerCode()).append(',').append(line.suggestedCartons()).append(',')
					.append(line.plannedCartons()).append(',').append(line.allocationPrice().toPlainString()).append('\n');
		}
		return csv.toString();
	}

	public void submit(String planNumber, String by, String note) {
		PurchasePlan plan = plan(planNumber);
		plan.submit(by, PlanTotals.of(repository.lines(planNumber)).lines(), now());
		repository.update(plan);
		sheet.record(plan, PlanStep.DRAFT, ApprovalEventType.SUBMIT, note, by);
	}

	public void withdraw(String planNumber, String by, String note) {
		PurchasePlan plan = plan(planNumber);
		plan.withdraw(by, now());
		repository.update(plan);
		sheet.record(plan, PlanStep.DRAFT, ApprovalEventType.WITHDRAW, note, by);
	}

	/** A reviewer's decision at a step, by the signed-in user, as the approval core allows it. */
	public void decide(String planNumber, PlanStep step, Decision decision, String comment) {
		PurchasePlan plan = plan(planNumber);
		ApprovalCore.Verdict verdict = approvals.check(plan, step, decision, comment);
		plan.decide(verdict, now());
		repository.update(plan);
		approvals.record(plan, verdict);
	}

	/** Records that a review is overdue, for whoever holds it. */
	public void remind(String planNumber, PlanStep step, String holder) {
		sheet.record(plan(planNumber), step, ApprovalEventType.REMIND, "「%s」已逾期，已提醒 %s".formatted(step.chineseName(), holder), null);
	}

	public void escalate(String planNumber, PlanStep step) {
		String to = step.escalatesTo().map(r -> r.chineseName()).orElse("—");
		sheet.record(plan(planNumber), step, ApprovalEventType.ESCALATE, "「%s」逾期一天，已上報%s".formatted(step.chineseName(), to), null);
	}

	/** The manufacturers an approved plan buys from: one contract each. */
	public List<String> manufacturersToContract(String planNumber) {
		PurchasePlan plan = plan(planNumber);
		if (plan.status() != PlanStatus.APPROVED) {
			throw new BusinessRuleException("計畫 %s 尚未批准，不能簽訂合同 (plan not approved)".formatted(planNumber));
		}
		return lines(planNumber).stream().filter(l -> l.plannedCartons() > 0).map(PlanLine::manufacturerCode)
				.distinct().sorted().toList();
	}

	/** The contracts an approved plan asked for: manufacturer → the contract's process instance, null where none was started. */
	public void recordContractRequests(String planNumber, Map<String, String> instanceByManufacturer) {
		repository.addContractRequests(planNumber, instanceByManufacturer, now());
	}

	@Transactional(readOnly = true)
	public PurchasePlan plan(String planNumber) {
		return repository.find(planNumber).orElseThrow(() ->
				new BusinessRuleException("找不到購進計畫 %s (no such plan)".formatted(planNumber)));
	}

	@Transactional(readOnly = true)
	public List<PlanLine> lines(String planNumber) {
		return repository.lines(planNumber);
	}

	/** What an approved plan buys from one manufacturer: what its contract starts from. */
	@Transactional(readOnly = true)
	public ApprovedPurchase approvedPurchase(String planNumber, String manufacturerCode) {
		PurchasePlanRepository.PlanPurchase found = repository.purchaseFrom(planNumber, manufacturerCode).orElseThrow(() ->
				new BusinessRuleException("找不到購進計畫 %s (no such plan)".formatted(planNumber)));
		if (found.status() != PlanStatus.APPROVED) {
			throw new BusinessRuleException("計畫 %s 尚未批准 (plan not approved)".formatted(planNumber));
		}
		return found.purchase();
	}

	@Transactional(readOnly = true)
	public PlanTotals totals(String planNumber) {
		return PlanTotals.of(repository.lines(planNumber));
	}

	@Transactional(readOnly = true)
	public List<ApprovalEvent> history(String planNumber) {
		return sheet.of(planNumber);
	}

	@Transactional(readOnly = true)
	public Map<LocalDate, Long> cartonsPerWeek(String planNumber) {
		return repository.cartonsPerWeek(planNumber);
	}

	@Transactional(readOnly = true)
	public List<String> contractRequests(String planNumber) {
		return repository.contractRequests(planNumber);
	}

	@Transactional(readOnly = true)
	public List<PlanSummary> recent(int limit) {
		return repository.summaries(limit);
	}

	private PurchasePlan editableBy(String planNumber, String by) {
		PurchasePlan plan = plan(planNumber);
		plan.requireEditable();
		if (!plan.drafter().equals(by)) {
			throw new BusinessRuleException("只有起草人 %s 可以修改計畫 %s 的明細 (only the drafter may edit)"
					.formatted(plan.drafter(), planNumber));
		}
		return plan;
	}

	private PlanLine changedLine(PlanLine existing, String productCode, int cartons, int rowNumber) {
		String where = rowNumber > 0 ? "第 %d 行：".formatted(rowNumber) : "";
		if (cartons < 0) {
			throw new BusinessRuleException(where + "計畫數量必須是不小於零的整數（條）(cartons must be a whole number ≥ 0)");
		}
		if (existing != null) {
			return existing.withPlanned(cartons);
		}
		Product product = catalog.product(productCode).orElseThrow(() ->
				new BusinessRuleException(where + "找不到捲菸規格 %s (unknown product)".formatted(productCode)));
		if (!product.isActive()) {
			throw new BusinessRuleException(where + "規格 %s %s 已停銷，不能列入計畫 (discontinued)".formatted(productCode, product.name()));
		}
		return new PlanLine(product.code(), product.name(), product.manufacturerCode(), 0, cartons, product.allocationPrice());
	}

	private static int parseCartons(String text) {
		return Cartons.parse(text);
	}

	private Map<String, PlanLine> linesByProduct(String planNumber) {
		return repository.lines(planNumber).stream()
				.collect(Collectors.toMap(PlanLine::productCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	/** The lines, and the plan's version: an edit that raced with a submission fails there and changes nothing. */
	private void save(PurchasePlan plan, Map<String, PlanLine> lines) {
		List<PlanLine> all = new ArrayList<>(lines.values());
		repository.replaceLines(plan.planNumber(), all);
		replanBatches(plan, all);
		repository.update(plan);
	}

	private void replanBatches(PurchasePlan plan, List<PlanLine> lines) {
		List<LocalDate> weeks = BatchSchedule.deliveryWeeks(plan.period());
		Map<String, Map<LocalDate, Integer>> batches = new LinkedHashMap<>();
		for (PlanLine line : lines) {
			batches.put(line.productCode(), BatchSchedule.split(line.plannedCartons(), weeks));
		}
		repository.replaceBatches(plan.planNumber(), batches);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
