package com.wholesaler.marketing.reports;

import static com.wholesaler.marketing.workbook.XlsxBook.Format.COUNT;
import static com.wholesaler.marketing.workbook.XlsxBook.Format.DECIMAL;
import static com.wholesaler.marketing.workbook.XlsxBook.Format.MONEY;
import static com.wholesaler.marketing.workbook.XlsxBook.Format.PERCENT;
import static com.wholesaler.marketing.workbook.XlsxBook.Format.TEXT;

import java.util.ArrayList;
import java.util.List;

import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.workbook.XlsxBook;
import com.wholesaler.marketing.workbook.XlsxBook.Column;

/** Each report as sheets of a workbook: alone for its download, together for the month's pack. */
final class ReportSheets {

	private ReportSheets() {
	}

	static XlsxBook purchasesSalesStock(XlsxBook book, PurchasesSalesStock.Report report) {
		List<PurchasesSalesStock.Line> rows = withTotal(report.lines(), report.total());
		return book.sheet("購銷存", List.of(
				new Column<PurchasesSalesStock.Line>(report.grouping().chineseName(), 18, PurchasesSalesStock.Line::label, TEXT),
				new Column<>("期初庫存（條）", 8, PurchasesSalesStock.Line::opening, COUNT),
				new Column<>("購進（條）", 7, PurchasesSalesStock.Line::purchases, COUNT),
				new Column<>("銷售（條）", 7, PurchasesSalesStock.Line::sales, COUNT),
				new Column<>("期末庫存（條）", 8, PurchasesSalesStock.Line::closing, COUNT),
				new Column<>("銷售額（元，按現行批發價）", 12, PurchasesSalesStock.Line::salesAmount, MONEY),
				new Column<>("去年同期購進（條）", 9, PurchasesSalesStock.Line::purchasesLastYear, COUNT),
				new Column<>("去年同期銷售（條）", 9, PurchasesSalesStock.Line::salesLastYear, COUNT),
				new Column<>("銷售同比", 6, PurchasesSalesStock.Line::salesGrowth, PERCENT)), rows);
	}

	static XlsxBook stockCover(XlsxBook book, StockCover.Report report) {
		long days = report.lines().period().days();
		book.sheet("存銷比", List.of(
				new Column<PurchasesSalesStock.Line>(report.lines().grouping().chineseName(), 18, PurchasesSalesStock.Line::label, TEXT),
				new Column<>("期末庫存（條）", 8, PurchasesSalesStock.Line::closing, COUNT),
				new Column<>("期內銷售（條）", 8, PurchasesSalesStock.Line::sales, COUNT),
				new Column<>("存銷比", 5, l -> l.stockToSales(days), DECIMAL),
				new Column<>("可銷天數", 5, l -> l.coverDays(days), DECIMAL)),
				withTotal(report.lines().lines(), report.lines().total()));
		List<Column<StockCover.Week>> columns = new ArrayList<>();
		columns.add(new Column<>("週末", 6, w -> w.end().toString(), TEXT));
		for (PriceClass c : PriceClass.values()) {
			columns.add(new Column<>(c.chineseName() + "可銷天數", 7, w -> w.perClass().containsKey(c) ? w.perClass().get(c).coverDays() : null, DECIMAL));
		}
		columns.add(new Column<>("全部可銷天數", 7, w -> w.total().coverDays(), DECIMAL));
		columns.add(new Column<>("全部庫存（條）", 8, w -> w.total().stock(), COUNT));
		return book.sheet("每週可銷天數", columns, report.weeks());
	}

	static XlsxBook supplyStates(XlsxBook book, List<ProductSupply> products) {
		book.sheet("貨源狀態", List.of(
				new Column<ProductSupply>("規格代碼", 5, ProductSupply::code, TEXT),
				new Column<>("規格名稱", 12, ProductSupply::name, TEXT),
				new Column<>("品牌", 6, ProductSupply::brand, TEXT),
				new Column<>("價類", 4, ProductSupply::priceClass, TEXT),
				new Column<>("貨源狀態", 5, p -> p.state().chineseName(), TEXT),
				new Column<>("庫存（條）", 6, ProductSupply::stock, COUNT),
				new Column<>("近 28 天訂貨（條）", 9, ProductSupply::ordered, COUNT),
				new Column<>("近 28 天未滿足（條）", 10, ProductSupply::unmet, COUNT),
				new Column<>("未滿足比例", 6, ProductSupply::unmetShare, PERCENT),
				new Column<>("可銷天數", 5, ProductSupply::coverDays, DECIMAL),
				new Column<>("限量中", 4, p -> p.limited() ? "是" : "", TEXT)), products);
		List<String[]> rules = new ArrayList<>();
		for (SupplyState s : SupplyState.values()) {
			rules.add(new String[] {s.chineseName(), s.rule()});
		}
		return book.definitions("貨源狀態判定規則", rules);
	}

	static XlsxBook demand(XlsxBook book, DemandByTierAndRegion.Report report) {
		book.sheet("需求按檔位", demandColumns("檔位"), withTotal(report.byTier(), report.total()));
		book.sheet("需求按區域", demandColumns("區域"), withTotal(report.byRegion(), report.total()));
		return book.sheet("需求按檔位和區域", demandColumns("檔位 · 區域"), report.cells());
	}

	private static List<Column<DemandByTierAndRegion.Demand>> demandColumns(String first) {
		return List.of(
				new Column<>(first, 14, DemandByTierAndRegion.Demand::label, TEXT),
				new Column<>("訂貨（條）", 7, DemandByTierAndRegion.Demand::ordered, COUNT),
				new Column<>("訂貨額（元）", 9, DemandByTierAndRegion.Demand::amount, MONEY),
				new Column<>("超限量未滿足（條）", 9, DemandByTierAndRegion.Demand::beyondLimit, COUNT),
				new Column<>("缺貨未滿足（條）", 8, DemandByTierAndRegion.Demand::beyondStock, COUNT),
				new Column<>("需求滿足率", 6, DemandByTierAndRegion.Demand::metShare, PERCENT),
				new Column<>("訂貨戶數", 5, DemandByTierAndRegion.Demand::retailersOrdering, COUNT),
				new Column<>("在營戶數", 5, DemandByTierAndRegion.Demand::retailersActive, COUNT),
				new Column<>("訂貨面", 5, DemandByTierAndRegion.Demand::orderingShare, PERCENT));
	}

	static XlsxBook brands(XlsxBook book, BrandSales.Report report) {
		book.sheet("品牌排名", List.of(
				new Column<BrandSales.Brand>("名次", 3, BrandSales.Brand::rank, COUNT),
				new Column<>("品牌", 8, BrandSales.Brand::brand, TEXT),
				new Column<>("工業企業", 14, BrandSales.Brand::manufacturer, TEXT),
				new Column<>("銷量（條）", 7, BrandSales.Brand::cartons, COUNT),
				new Column<>("銷售額（元）", 9, BrandSales.Brand::amount, MONEY),
				new Column<>("去年同期（條）", 8, BrandSales.Brand::cartonsLastYear, COUNT),
				new Column<>("同比", 5, BrandSales.Brand::growth, PERCENT),
				new Column<>("佔總銷量", 5, BrandSales.Brand::share, PERCENT)), report.brands());
		return book.sheet("價類內份額", List.of(
				new Column<BrandSales.ClassShare>("價類", 4, s -> s.priceClass().chineseName(), TEXT),
				new Column<>("品牌", 8, BrandSales.ClassShare::brand, TEXT),
				new Column<>("銷量（條）", 7, BrandSales.ClassShare::cartons, COUNT),
				new Column<>("佔該價類", 6, BrandSales.ClassShare::share, PERCENT)), report.classShares());
	}

	static XlsxBook retailers(XlsxBook book, RetailerSegments.Report report) {
		book.sheet("客戶分群", List.of(
				new Column<RetailerSegments.Segment>("價值", 9, s -> s.value().chineseName(), TEXT),
				new Column<>("頻次", 9, s -> s.frequency().chineseName(), TEXT),
				new Column<>("戶數", 5, RetailerSegments.Segment::retailers, COUNT),
				new Column<>("訂貨額（元）", 10, RetailerSegments.Segment::amount, MONEY)), report.segments());
		book.sheet("客戶按檔位", List.of(
				new Column<RetailerSegments.Tier>("檔位", 3, RetailerSegments.Tier::tier, COUNT),
				new Column<>("在營戶數", 5, RetailerSegments.Tier::active, COUNT),
				new Column<>("訂貨戶數", 5, RetailerSegments.Tier::ordering, COUNT),
				new Column<>("戶均訂貨額（元）", 8, RetailerSegments.Tier::amountPerOrdering, MONEY),
				new Column<>("戶均訂貨週數", 7, RetailerSegments.Tier::weeksPerOrdering, DECIMAL),
				new Column<>("流失預警戶數", 7, RetailerSegments.Tier::drifting, COUNT)), report.tiers());
		return book.sheet("流失預警客戶", List.of(
				new Column<RetailerSegments.RetailerOrders>("客戶代碼", 5, RetailerSegments.RetailerOrders::code, TEXT),
				new Column<>("客戶名稱", 12, RetailerSegments.RetailerOrders::name, TEXT),
				new Column<>("區域", 8, RetailerSegments.RetailerOrders::regionName, TEXT),
				new Column<>("檔位", 3, RetailerSegments.RetailerOrders::tier, COUNT),
				new Column<>("前半期訂貨額（元）", 9, RetailerSegments.RetailerOrders::firstHalf, MONEY),
				new Column<>("後半期訂貨額（元）", 9, RetailerSegments.RetailerOrders::secondHalf, MONEY),
				new Column<>("變化", 5, RetailerSegments.RetailerOrders::change, PERCENT),
				new Column<>("最近訂貨", 6, r -> r.lastOrder() == null ? "" : r.lastOrder().toString(), TEXT)), report.drifting());
	}

	private static <T> List<T> withTotal(List<T> rows, T total) {
		List<T> all = new ArrayList<>(rows);
		all.add(total);
		return all;
	}
}
