package com.wholesaler.marketing.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.WorkingCalendar;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.workbook.XlsxBook;

/**
 * 月度報表 (「統計、編制、傳遞相關報表」): on the first working day of a month the general administrator
 * compiles the month before as one workbook (a summary sheet, then a sheet per report) with a written
 * summary; the director reviews it; it is then sent to the executive. Each pack keeps the workbook as
 * compiled.
 */
@Service
public class ReportPacks {

	public static final String PROCESS_ID = "monthlyReport";
	static final int SUMMARY_LIMIT = 4000;

	public enum Status {
		COMPILING("彙編中"), SUBMITTED("待主任審核"), RETURNED("退回修改"), SENT("已報分管領導"), READ("分管領導已閱");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	public record ReportPack(String packNumber, YearMonth month, Status status, String summary, String compiledBy,
			LocalDateTime compiledAt, boolean hasWorkbook, LocalDateTime openedAt, LocalDateTime sentAt, LocalDateTime readAt)
			implements ApprovalCase {

		@Override
		public String caseNumber() {
			return packNumber;
		}

		@Override
		public String caseName() {
			return "月度報表";
		}

		@Override
		public String drafter() {
			return compiledBy;
		}

		@Override
		public Area area() {
			return Area.REPORTS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return step == ReportPackStep.REVIEW && status == Status.SUBMITTED;
		}

		public String statusName() {
			return status.chineseName();
		}

		public ReportPeriod period() {
			return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
		}
	}

	private final JdbcClient jdbc;
	private final PurchasesSalesStock ledger;
	private final StockCover cover;
	private final SupplyStates supply;
	private final DemandByTierAndRegion demand;
	private final BrandSales brands;
	private final RetailerSegments retailers;
	private final WorkingCalendar calendar;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final Clock clock;

	ReportPacks(JdbcClient jdbc, PurchasesSalesStock ledger, StockCover cover, SupplyStates supply, DemandByTierAndRegion demand,
			BrandSales brands, RetailerSegments retailers, WorkingCalendar calendar, ApprovalCore core, ApprovalSheet sheet,
			CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.cover = cover;
		this.supply = supply;
		this.demand = demand;
		this.brands = brands;
		this.retailers = retailers;
		this.calendar = calendar;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * On the month's first working day, the pack of the month before is opened for compiling; any other day,
	 * or when that pack exists already, nothing. Returns the pack's number, if one was opened.
	 */
	Optional<String> openOn(LocalDate today) {
		if (!calendar.onOrNextWorkingDay(today.withDayOfMonth(1)).equals(today)) {
			return Optional.empty();
		}
		YearMonth month = YearMonth.from(today).minusMonths(1);
		String number = "MR-" + month;
		if (find(number).isPresent()) {
			return Optional.empty();
		}
		jdbc.sql("INSERT INTO report_pack (pack_number, pack_month, status, opened_at) VALUES (:n, :m, 'COMPILING', :at)")
				.param("n", number).param("m", month.toString()).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		sheet.record(number, ReportPackStep.COMPILE, ApprovalEventType.CREATE, "%s 月度報表待彙編".formatted(month), null);
		return Optional.of(number);
	}

	/** The general administrator compiles (or recompiles, when returned) the pack with their summary; the workbook is kept. */
	void compile(String number, String summary) {
		ReportPack pack = pack(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.GENERAL_ADMIN)) {
			throw new BusinessRuleException("月度報表由綜合管理員彙編 (only the general administrator compiles)");
		}
		if (pack.status() != Status.COMPILING && pack.status() != Status.RETURNED) {
			throw new BusinessRuleException("月度報表 %s 目前%s，不能再彙編 (not compiling)".formatted(number, pack.statusName()));
		}
		String text = summary == null ? "" : summary.strip();
		if (text.isEmpty()) {
			throw new BusinessRuleException("請寫明本月情況的分析和建議 (summary required)");
		}
		if (text.length() > SUMMARY_LIMIT) {
			throw new BusinessRuleException("說明不能超過 %d 字，現在 %d 字 (summary too long)".formatted(SUMMARY_LIMIT, text.length()));
		}
		byte[] workbook = workbook(pack.period(), text, BusinessTime.date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()));
		jdbc.sql("""
				UPDATE report_pack SET status = 'SUBMITTED', summary = :s, compiled_by = :by, compiled_at = :at, workbook = :w
				WHERE pack_number = :n""")
				.param("s", text).param("by", actor.id()).param("at", Timestamp.valueOf(LocalDateTime.now(clock)))
				.param("w", Base64.getEncoder().encodeToString(workbook)).param("n", number).update();
		sheet.record(number, ReportPackStep.COMPILE, pack.status() == Status.RETURNED ? ApprovalEventType.RESUBMIT : ApprovalEventType.SUBMIT,
				text.length() > 200 ? text.substring(0, 200) + "…" : text, actor.id());
	}

	/** The director's review, checked by the approval core: the step, the role, not the compiler, a comment to return. */
	void review(String number, Object decision, String comment) {
		ReportPack pack = pack(number);
		ApprovalCore.Verdict verdict = core.check(pack, ReportPackStep.REVIEW, Decision.of(decision), comment);
		boolean approved = verdict.decision() == Decision.APPROVE;
		jdbc.sql("UPDATE report_pack SET status = :s, sent_at = :at WHERE pack_number = :n")
				.param("s", approved ? "SENT" : "RETURNED").param("at", approved ? Timestamp.valueOf(LocalDateTime.now(clock)) : null)
				.param("n", number).update();
		core.record(pack, verdict);
	}

	/** The executive has read the pack. */
	void read(String number) {
		ReportPack pack = pack(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.EXECUTIVE)) {
			throw new BusinessRuleException("月度報表由分管領導閱知 (only the executive)");
		}
		if (pack.status() != Status.SENT) {
			throw new BusinessRuleException("月度報表 %s 目前%s (not sent)".formatted(number, pack.statusName()));
		}
		jdbc.sql("UPDATE report_pack SET status = 'READ', read_at = :at WHERE pack_number = :n")
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
		sheet.record(number, ReportPackStep.READ, ApprovalEventType.ACKNOWLEDGE, null, actor.id());
	}

	/**
	 * The month's workbook: a summary sheet (the month's key figures and the administrator's summary),
	 * then each report's sheets.
	 */
	public byte[] workbook(ReportPeriod month, String summary, LocalDate today) {
		// a month not yet over is reported up to today
		ReportPeriod period = month.to().isAfter(today) && !month.from().isAfter(today) ? new ReportPeriod(month.from(), today) : month;
		PurchasesSalesStock.Report products = ledger.of(period, Grouping.PRODUCT);
		StockCover.Report classes = cover.of(period, Grouping.PRICE_CLASS, today);
		List<ProductSupply> states = supply.today(today);
		DemandByTierAndRegion.Report asked = demand.of(period, null);
		BrandSales.Report brandSales = brands.of(period);
		RetailerSegments.Report segments = retailers.of(period);
		PurchasesSalesStock.Line total = products.total();
		long days = period.days();
		List<String[]> figures = new ArrayList<>();
		figures.add(new String[] {"報表期間", period.label()});
		figures.add(new String[] {"銷售（條）", "%,d（去年同期 %,d，同比 %s）".formatted(total.sales(), total.salesLastYear(), percent(total.salesGrowth()))});
		figures.add(new String[] {"銷售額（元，按現行批發價）", "%,.2f".formatted(total.salesAmount())});
		figures.add(new String[] {"購進（條）", "%,d（去年同期 %,d）".formatted(total.purchases(), total.purchasesLastYear())});
		figures.add(new String[] {"期初 / 期末庫存（條）", "%,d / %,d".formatted(total.opening(), total.closing())});
		figures.add(new String[] {"存銷比 / 可銷天數", "%s / %s".formatted(decimal(total.stockToSales(days)), decimal(total.coverDays(days)))});
		figures.add(new String[] {"需求滿足率", percent(asked.total().metShare())});
		figures.add(new String[] {"未滿足需求（條）", "超限量 %,d；缺貨 %,d".formatted(asked.total().beyondLimit(), asked.total().beyondStock())});
		figures.add(new String[] {"訂貨面", "%s（%,d / %,d 戶）".formatted(percent(asked.total().orderingShare()), asked.total().retailersOrdering(),
				asked.total().retailersActive())});
		figures.add(new String[] {"銷量前三品牌", String.join("、", brandSales.brands().stream().limit(3).map(BrandSales.Brand::brand).toList())});
		figures.add(new String[] {"貨源狀態（%s）".formatted(today), java.util.Arrays.stream(SupplyState.values())
				.map(s -> s.chineseName() + " " + states.stream().filter(p -> p.state() == s).count()).reduce((a, b) -> a + "；" + b).orElse("")});
		figures.add(new String[] {"流失預警客戶", "%,d 戶".formatted(segments.drifting().size())});
		figures.add(new String[] {"綜合管理員說明", summary == null ? "" : summary});
		XlsxBook book = new XlsxBook().definitions("摘要", figures);
		ReportSheets.purchasesSalesStock(book, products);
		ReportSheets.stockCover(book, classes);
		ReportSheets.supplyStates(book, states);
		ReportSheets.demand(book, asked);
		ReportSheets.brands(book, brandSales);
		ReportSheets.retailers(book, segments);
		return book.bytes();
	}

	/** The workbook as compiled and kept. */
	public byte[] keptWorkbook(String number) {
		String base64 = jdbc.sql("SELECT workbook FROM report_pack WHERE pack_number = :n").param("n", number).query(String.class).optional()
				.orElse(null);
		if (base64 == null) {
			throw new BusinessRuleException("月度報表 %s 還沒有彙編 (not compiled yet)".formatted(BusinessTime.abbreviated(number)));
		}
		return Base64.getDecoder().decode(base64);
	}

	public ReportPack pack(String number) {
		return find(number).orElseThrow(() -> new BusinessRuleException("找不到月度報表「%s」(unknown pack)"
				.formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public Optional<ReportPack> find(String number) {
		return jdbc.sql(SELECT + " WHERE pack_number = :n").param("n", number).query(this::map).optional();
	}

	public List<ReportPack> all() {
		return jdbc.sql(SELECT + " ORDER BY pack_month DESC").query(this::map).list();
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	private static String percent(Double share) {
		return share == null ? "—" : "%.1f%%".formatted(share * 100);
	}

	private static String decimal(Double value) {
		return value == null ? "—" : "%.1f".formatted(value);
	}

	private static final String SELECT = """
			SELECT pack_number, pack_month, status, summary, compiled_by, compiled_at, CASE WHEN workbook IS NULL THEN 0 ELSE 1 END AS kept,
			       opened_at, sent_at, read_at FROM report_pack""";

	private ReportPack map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ReportPack(rs.getString("pack_number"), YearMonth.parse(rs.getString("pack_month")), Status.valueOf(rs.getString("status")),
				rs.getString("summary"), rs.getString("compiled_by"), time(rs.getTimestamp("compiled_at")), rs.getInt("kept") == 1,
				time(rs.getTimestamp("opened_at")), time(rs.getTimestamp("sent_at")), time(rs.getTimestamp("read_at")));
	}

	private static LocalDateTime time(Timestamp t) {
		return t == null ? null : t.toLocalDateTime();
	}
}
