package com.wholesaler.marketing.reports;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.workbook.XlsxBook;

/** The reports on goods: 購銷存, 存銷比 and each product's supply state. */
@Controller
class StockReportsController {

	/** The rows a chart shows: the biggest ones; the table and the workbook have them all. */
	static final int CHART_ROWS = 15;

	private final PurchasesSalesStock ledger;
	private final StockCover cover;
	private final SupplyStates supply;
	private final SupplyAdjustments adjustments;
	private final Clock clock;

	StockReportsController(PurchasesSalesStock ledger, StockCover cover, SupplyStates supply, SupplyAdjustments adjustments,
			Clock clock) {
		this.adjustments = adjustments;
		this.ledger = ledger;
		this.cover = cover;
		this.supply = supply;
		this.clock = clock;
	}

	@GetMapping("/reports")
	String index() {
		return "reports/index";
	}

	@GetMapping("/reports/purchases-sales-stock")
	String purchasesSalesStock(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by, Model model) {
		PurchasesSalesStock.Report report = ledger.of(period(month, from, to), Grouping.of(by));
		List<PurchasesSalesStock.Line> top = report.lines().stream().limit(CHART_ROWS).toList();
		model.addAttribute("report", report);
		model.addAttribute("groupings", Grouping.values());
		model.addAttribute("chart", new Chart(top.stream().map(PurchasesSalesStock.Line::label).toList(), "條")
				.bars("購進", top.stream().map(PurchasesSalesStock.Line::purchases).toList())
				.bars("銷售", top.stream().map(PurchasesSalesStock.Line::sales).toList())
				.bars("去年同期銷售", top.stream().map(PurchasesSalesStock.Line::salesLastYear).toList())
				.bars("期末庫存", top.stream().map(PurchasesSalesStock.Line::closing).toList()));
		return "reports/purchases-sales-stock";
	}

	@GetMapping("/reports/purchases-sales-stock.xlsx")
	ResponseEntity<byte[]> purchasesSalesStockWorkbook(@RequestParam(required = false) String month,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by) {
		PurchasesSalesStock.Report report = ledger.of(period(month, from, to), Grouping.of(by));
		return ReportDownload.of("購銷存-" + report.period().label(), ReportSheets.purchasesSalesStock(new XlsxBook(), report));
	}

	@GetMapping("/reports/stock-cover")
	String stockCover(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by, Model model) {
		StockCover.Report report = cover.of(period(month, from, to), Grouping.of(by == null ? "class" : by), today());
		Chart chart = new Chart(report.weeks().stream().map(w -> w.end().toString()).toList(), "天");
		for (PriceClass c : PriceClass.values()) {
			chart.line(c.chineseName(), report.weeks().stream()
					.map(w -> w.perClass().containsKey(c) ? w.perClass().get(c).coverDays() : null).toList());
		}
		chart.line("全部", report.weeks().stream().map(w -> w.total().coverDays()).toList());
		model.addAttribute("report", report);
		model.addAttribute("days", report.lines().period().days());
		model.addAttribute("groupings", Grouping.values());
		model.addAttribute("chart", chart);
		return "reports/stock-cover";
	}

	@GetMapping("/reports/stock-cover.xlsx")
	ResponseEntity<byte[]> stockCoverWorkbook(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by) {
		StockCover.Report report = cover.of(period(month, from, to), Grouping.of(by == null ? "class" : by), today());
		return ReportDownload.of("存銷比-" + report.lines().period().label(), ReportSheets.stockCover(new XlsxBook(), report));
	}

	@GetMapping("/reports/supply-state")
	String supplyState(@RequestParam(required = false) String state, Model model) {
		List<SupplyAdjustment> recent = adjustments.recent();
		model.addAttribute("adjustments", recent);
		model.addAttribute("contracts", recent.stream().filter(a -> a.action().amendsContracts()).map(SupplyAdjustment::productCode)
				.distinct().collect(java.util.stream.Collectors.toMap(c -> c, adjustments::contractsInForce)));
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", new AdjustmentDraft("", "", ""));
		}
		model.addAttribute("actions", AdjustmentAction.values());
		List<ProductSupply> all = supply.today(today());
		List<Long> counts = java.util.Arrays.stream(SupplyState.values())
				.map(s -> all.stream().filter(p -> p.state() == s).count()).toList();
		SupplyState only = state == null || state.isBlank() ? null : SupplyStates.named(state);
		model.addAttribute("products", only == null ? all : all.stream().filter(p -> p.state() == only).toList());
		model.addAttribute("states", SupplyState.values());
		model.addAttribute("counts", counts);
		model.addAttribute("only", only);
		model.addAttribute("today", today());
		model.addAttribute("chart", new Chart(java.util.Arrays.stream(SupplyState.values()).map(SupplyState::chineseName).toList(), "個")
				.bars("規格數", counts));
		return "reports/supply-state";
	}

	/** What the proposal form sent, kept to show again when it is refused. */
	record AdjustmentDraft(String product, String action, String reason) {
	}

	@PostMapping("/reports/supply-state/adjustments")
	String propose(AdjustmentDraft draft, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			SupplyAdjustment made = adjustments.propose(user.getName(), groups(user), draft.product(), draft.action(), draft.reason());
			redirect.addFlashAttribute("message", "已記錄貨源調整建議 %s：%s %s，%s".formatted(made.number(), made.productCode(),
					made.productName(), made.action().followUp()));
			return "redirect:/reports/supply-state#adjustments";
		}
		catch (BusinessRuleException | ActionForbidden e) {
			response.setStatus(e instanceof ActionForbidden ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draft", draft);
			return supplyState(null, model);
		}
	}

	@PostMapping("/reports/supply-state/adjustments/{number}/shortage-case")
	String startShortageCase(@PathVariable String number, Authentication user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			String caseNumber = adjustments.startShortageCase(number, user.getName(), groups(user));
			redirect.addFlashAttribute("message", "已按建議 %s 發起缺貨處理 %s，請在任務清單中起草替代和限量方案".formatted(number, caseNumber));
			return "redirect:/reports/supply-state#adjustments";
		}
		catch (BusinessRuleException | ActionForbidden e) {
			response.setStatus(e instanceof ActionForbidden ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			return supplyState(null, model);
		}
	}

	@GetMapping("/reports/supply-state.xlsx")
	ResponseEntity<byte[]> supplyStateWorkbook() {
		return ReportDownload.of("貨源狀態-" + today(), ReportSheets.supplyStates(new XlsxBook(), supply.today(today())));
	}

	private ReportPeriod period(String month, String from, String to) {
		return ReportPeriod.of(month, from, to, today());
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
