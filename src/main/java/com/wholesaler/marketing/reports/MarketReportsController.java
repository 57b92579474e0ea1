package com.wholesaler.marketing.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.workbook.XlsxBook;

/** The reports on the market: demand by tier and region, brand sales, retailer segments. */
@Controller
class MarketReportsController {

	/** The retailers listed on the page as drifting away; the workbook has them all. */
	static final int DRIFTING_SHOWN = 100;
	/** The retailer report looks at a quarter unless asked otherwise. */
	static final int RETAILER_WEEKS = 13;

	private final DemandByTierAndRegion demand;
	private final BrandSales brands;
	private final RetailerSegments retailers;
	private final Catalog catalog;
	private final Clock clock;

	MarketReportsController(DemandByTierAndRegion demand, BrandSales brands, RetailerSegments retailers, Catalog catalog,
			Clock clock) {
		this.demand = demand;
		this.brands = brands;
		this.retailers = retailers;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/reports/demand")
	String demand(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String product, Model model) {
		Product chosen = product(product);
		DemandByTierAndRegion.Report report = demand.of(period(month, from, to), chosen == null ? null : chosen.code());
		model.addAttribute("report", report);
		model.addAttribute("product", chosen);
		model.addAttribute("chart", new Chart(report.byTier().stream().map(DemandByTierAndRegion.Demand::label).toList(), "條")
				.stacked("訂貨", report.byTier().stream().map(DemandByTierAndRegion.Demand::ordered).toList())
				.stacked("超限量未滿足", report.byTier().stream().map(DemandByTierAndRegion.Demand::beyondLimit).toList())
				.stacked("缺貨未滿足", report.byTier().stream().map(DemandByTierAndRegion.Demand::beyondStock).toList())
				.percentLine("訂貨面", report.byTier().stream().map(DemandByTierAndRegion.Demand::orderingShare).toList()));
		return "reports/demand";
	}

	@GetMapping("/reports/demand.xlsx")
	ResponseEntity<byte[]> demandWorkbook(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String product) {
		Product chosen = product(product);
		DemandByTierAndRegion.Report report = demand.of(period(month, from, to), chosen == null ? null : chosen.code());
		return ReportDownload.of("需求-" + (chosen == null ? "" : chosen.code() + "-") + report.period().label(),
				ReportSheets.demand(new XlsxBook(), report));
	}

	@GetMapping("/reports/brands")
	String brands(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		BrandSales.Report report = brands.of(period(month, from, to));
		List<BrandSales.Brand> top = report.brands().stream().limit(StockReportsController.CHART_ROWS).toList();
		model.addAttribute("report", report);
		model.addAttribute("chart", new Chart(top.stream().map(BrandSales.Brand::brand).toList(), "條")
				.bars("銷量", top.stream().map(BrandSales.Brand::cartons).toList())
				.bars("去年同期", top.stream().map(BrandSales.Brand::cartonsLastYear).toList())
				.percentLine("同比", top.stream().map(BrandSales.Brand::growth).toList()));
		return "reports/brands";
	}

	@GetMapping("/reports/brands.xlsx")
	ResponseEntity<byte[]> brandsWorkbook(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		BrandSales.Report report = brands.of(period(month, from, to));
		return ReportDownload.of("品牌銷售-" + report.period().label(), ReportSheets.brands(new XlsxBook(), report));
	}

	@GetMapping("/reports/retailers")
	String retailers(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		RetailerSegments.Report report = retailers.of(retailerPeriod(month, from, to));
		model.addAttribute("report", report);
		model.addAttribute("shown", report.drifting().stream().limit(DRIFTING_SHOWN).toList());
		model.addAttribute("chart", new Chart(report.tiers().stream().map(t -> t.tier() + " 檔").toList(), "戶")
				.stacked("訂貨戶數", report.tiers().stream().map(t -> t.ordering() - t.drifting()).toList())
				.stacked("流失預警", report.tiers().stream().map(RetailerSegments.Tier::drifting).toList())
				.stacked("未訂貨", report.tiers().stream().map(t -> t.active() - t.ordering()).toList()));
		return "reports/retailers";
	}

	@GetMapping("/reports/retailers.xlsx")
	ResponseEntity<byte[]> retailersWorkbook(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		RetailerSegments.Report report = retailers.of(retailerPeriod(month, from, to));
		return ReportDownload.of("零售客戶分群-" + report.period().label(), ReportSheets.retailers(new XlsxBook(), report));
	}

	/** A product by code or name; null for all products. */
	private Product product(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return catalog.findProduct(text).orElseThrow(() -> new BusinessRuleException(
				"找不到規格「%s」，或有多個規格符合，請輸入規格代碼 (unknown product)".formatted(BusinessTime.abbreviated(text))));
	}

	private ReportPeriod period(String month, String from, String to) {
		return ReportPeriod.of(month, from, to, today());
	}

	private ReportPeriod retailerPeriod(String month, String from, String to) {
		boolean none = (month == null || month.isBlank()) && (from == null || from.isBlank()) && (to == null || to.isBlank());
		return none ? ReportPeriod.lastWeeks(RETAILER_WEEKS, today()) : period(month, from, to);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
