package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.Resubmission;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 上級價格通知 (「管理接收上級捲菸價格資訊,將接收的價格資訊錄入系統並通知…;維護捲菸價格資料庫」): the
 * general administrator enters a notice of the price authority; the brand-planning head checks the entry
 * against the document (the prices are the authority's, so nobody here approves them, but a typing error
 * must not reach the order desk); on the effective date the prices apply in the price database and the new
 * products enter the catalog, and the order department, the seat leaders and regional marketing acknowledge.
 */
@Service
@Transactional
public class PriceNotices {

	public static final String PROCESS_ID = "priceNotice";

	public enum Status {
		CHECKING("待核對"), RETURNED("退回更正"), CONFIRMED("已核對，待生效"), EFFECTIVE("已生效"), WITHDRAWN("已撤回");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}

		boolean open() {
			return this == CHECKING || this == RETURNED || this == CONFIRMED;
		}
	}

	public record Notice(String number, String reference, LocalDate effectiveDate, String note, String drafter, Status status,
			LocalDateTime createdAt) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return number;
		}

		@Override
		public String caseName() {
			return "上級價格通知";
		}

		@Override
		public Area area() {
			return Area.PRICES;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return step == NoticeStep.CHECK && status == Status.CHECKING;
		}
	}

	/** One product of a notice with its prices before and after; a new product has no prices before and no code until it applies. */
	public record Line(int lineNo, String productCode, boolean newProduct, String productName, String brand, String manufacturerCode,
			BigDecimal currentAllocation, BigDecimal currentWholesale, BigDecimal currentRetail, BigDecimal allocation, BigDecimal wholesale,
			BigDecimal retail, String warnings) {

		public String priceClass() {
			PriceClass to = PriceClass.of(allocation);
			return newProduct || PriceClass.of(currentAllocation) == to ? to.chineseName()
					: PriceClass.of(currentAllocation).chineseName() + " → " + to.chineseName();
		}
	}

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final PriceProposalRepository prices;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final DocumentNumbers numbers;
	private final Clock clock;

	PriceNotices(JdbcClient jdbc, Catalog catalog, PriceProposalRepository prices, ApprovalCore core, ApprovalSheet sheet, CurrentUser currentUser,
			DocumentNumbers numbers, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.prices = prices;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.numbers = numbers;
		this.clock = clock;
	}

	/** The general administrator enters the notice; it waits for the brand-planning head's check. */
	String record(NoticeEntry entry) {
		var actor = currentUser.actor();
		if (!actor.holds(Role.GENERAL_ADMIN)) {
			throw new BusinessRuleException("上級價格通知由綜合管理員錄入 (only the general administrator enters notices)");
		}
		int year = today().getYear();
		String number = "PN-%d-%04d".formatted(year, numbers.next("PN-" + year));
		List<Line> lines = lines(number, entry);
		jdbc.sql("""
				INSERT INTO price_notice (notice_number, reference, effective_date, note, drafter, status, created_at)
				VALUES (:n, :ref, :d, :note, :by, 'CHECKING', :at)""")
				.param("n", number).param("ref", entry.reference()).param("d", Date.valueOf(entry.effectiveDate())).param("note", entry.note())
				.param("by", actor.id()).param("at", Timestamp.valueOf(now())).update();
		insertLines(number, lines);
		sheet.record(number, NoticeStep.RECORD, ApprovalEventType.SUBMIT, summary(entry, lines), actor.id());
		return number;
	}

	/** The brand-planning head's check against the document, by the approval core: confirmed, or returned with what is wrong. */
	void check(String number, Object decision, String comment) {
		Notice notice = notice(number);
		ApprovalCore.Verdict verdict = core.check(notice, NoticeStep.CHECK, Decision.of(decision), comment);
		if (verdict.decision() == Decision.APPROVE) {
			// the catalog may have moved since the entry (a product stopped, a new one added): check again before it binds
			lines(number, entryOf(notice));
		}
		status(number, verdict.decision() == Decision.APPROVE ? Status.CONFIRMED : Status.RETURNED);
		core.record(notice, verdict);
	}

	/** The general administrator corrects the returned entry and sends it to be checked again, or withdraws it. */
	void revise(String number, Object action, Supplier<NoticeEntry> corrected, String note) {
		Notice notice = notice(number);
		String by = currentUser.id();
		if (Resubmission.of(notice, notice.status() == Status.RETURNED, by, action) == Resubmission.WITHDRAW) {
			status(number, Status.WITHDRAWN);
			sheet.record(number, NoticeStep.RECORD, ApprovalEventType.WITHDRAW, note, by);
			return;
		}
		NoticeEntry entry = corrected.get();
		List<Line> lines = lines(number, entry);
		jdbc.sql("UPDATE price_notice SET reference = :ref, effective_date = :d, note = :note, status = 'CHECKING' WHERE notice_number = :n")
				.param("ref", entry.reference()).param("d", Date.valueOf(entry.effectiveDate())).param("note", entry.note()).param("n", number)
				.update();
		jdbc.sql("DELETE FROM price_notice_line WHERE notice_number = :n").param("n", number).update();
		insertLines(number, lines);
		sheet.record(number, NoticeStep.RECORD, ApprovalEventType.RESUBMIT, summary(entry, lines), by);
	}

	/**
	 * The effective date has come: every price in one transaction, the old ones kept in the history under
	 * the notice's number; a new product enters the catalog with its prices (no first order: the notice
	 * says nothing of volumes, the supply manager plans it).
	 */
	void apply(String number) {
		Notice notice = notice(number);
		if (notice.status() != Status.CONFIRMED) {
			throw new BusinessRuleException("上級價格通知 %s 目前%s，不能生效 (not confirmed)".formatted(number, notice.status().chineseName()));
		}
		// the check refuses a date already past; a timer that fires late (no node running over the date) applies from
		// the day it runs, since the price history never changes the past
		LocalDate from = notice.effectiveDate().isBefore(today()) ? today() : notice.effectiveDate();
		for (Line line : lines(number)) {
			String code = line.productCode();
			if (line.newProduct()) {
				code = catalog.productNamed(line.productName()).map(Product::code).orElse(null);
			}
			if (code == null) {
				code = catalog.introduce(line.productName(), line.brand(), line.manufacturerCode(), line.allocation(), line.wholesale(), line.retail(),
						0, number);
				jdbc.sql("UPDATE price_notice_line SET product_code = :c WHERE notice_number = :n AND line_no = :l").param("c", code)
						.param("n", number).param("l", line.lineNo()).update();
			}
			else {
				prices.changePrice(code, line.allocation(), line.wholesale(), line.retail(), from, number);
			}
		}
		jdbc.sql("UPDATE price_notice SET status = 'EFFECTIVE', effective_at = :at WHERE notice_number = :n").param("at", Timestamp.valueOf(now()))
				.param("n", number).update();
		sheet.record(number, NoticeStep.EFFECTIVE, ApprovalEventType.EFFECTIVE, "自 %s 起執行".formatted(from), null);
	}

	void acknowledge(String number, String by, String stepName) {
		sheet.record(number, NoticeStep.NOTIFY, ApprovalEventType.ACKNOWLEDGE, stepName, by);
	}

	@Transactional(readOnly = true)
	public Notice notice(String number) {
		return jdbc.sql("SELECT * FROM price_notice WHERE notice_number = :n").param("n", number).query(this::mapNotice).optional()
				.orElseThrow(() -> new BusinessRuleException("找不到上級價格通知「%s」(unknown notice)".formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	@Transactional(readOnly = true)
	public List<Line> lines(String number) {
		return jdbc.sql("SELECT * FROM price_notice_line WHERE notice_number = :n ORDER BY line_no").param("n", number).query(this::mapLine).list();
	}

	@Transactional(readOnly = true)
	public List<Notice> recent(int limit) {
		return jdbc.sql("SELECT * FROM price_notice ORDER BY created_at DESC, notice_number DESC FETCH FIRST :k ROWS ONLY").param("k", limit)
				.query(this::mapNotice).list();
	}

	@Transactional(readOnly = true)
	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	/** The notice as its entry form holds it, for the check before it binds and for the correction form. */
	NoticeEntry entryOf(Notice notice) {
		List<ProposedPrice> existing = new ArrayList<>();
		List<NoticeEntry.NewProduct> added = new ArrayList<>();
		for (Line l : lines(notice.number())) {
			if (l.newProduct()) {
				added.add(new NoticeEntry.NewProduct(l.manufacturerCode(), l.brand(), l.productName(), l.allocation(), l.wholesale(), l.retail()));
			}
			else {
				existing.add(new ProposedPrice(l.productCode(), l.wholesale(), l.retail(), l.allocation()));
			}
		}
		return new NoticeEntry(notice.reference(), notice.effectiveDate(), existing, added, notice.note());
	}

	static String summary(NoticeEntry entry, List<Line> lines) {
		long added = lines.stream().filter(Line::newProduct).count();
		return "文號 %s，%s 起執行：%d 個規格調價%s".formatted(entry.reference(), entry.effectiveDate(), lines.size() - added,
				added == 0 ? "" : "，%d 個新規格".formatted(added));
	}

	/** Every line checked against the catalog, all errors named together; what approvers should notice becomes the line's warnings. */
	private List<Line> lines(String number, NoticeEntry entry) {
		List<String> errors = new ArrayList<>();
		LocalDate today = today();
		if (entry.effectiveDate().isBefore(today) || entry.effectiveDate().isAfter(today.plusYears(1))) {
			errors.add("生效日期 %s 應在今天至一年內 (effective date)".formatted(entry.effectiveDate()));
		}
		List<String> sameReference = jdbc.sql("""
				SELECT notice_number FROM price_notice WHERE reference = :ref AND notice_number <> :n AND status <> 'WITHDRAWN'""")
				.param("ref", entry.reference()).param("n", number).query(String.class).list();
		if (!sameReference.isEmpty()) {
			errors.add("文號「%s」已錄入為 %s，不能重複錄入 (already entered)".formatted(entry.reference(), String.join("、", sameReference)));
		}
		List<Line> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int lineNo = 0;
		for (ProposedPrice price : entry.prices()) {
			String code = price.productCode() == null ? "" : price.productCode().strip().toUpperCase();
			lineNo++;
			if (!seen.add(code)) {
				errors.add("規格 %s 填了兩次 (listed twice)".formatted(code));
				continue;
			}
			Product product = catalog.product(code).orElse(null);
			if (product == null) {
				errors.add("找不到捲菸規格「%s」；目錄中沒有的規格請填在「新規格」欄 (unknown product)".formatted(BusinessTime.abbreviated(code)));
				continue;
			}
			if (!product.isActive()) {
				errors.add("規格 %s %s 已停銷 (discontinued)".formatted(code, product.name()));
				continue;
			}
			BigDecimal allocation = price.allocation() == null ? product.allocationPrice() : price.allocation();
			if (!ordered(allocation, price.wholesale(), price.retail())) {
				errors.add("規格 %s 的價格應為 0 < 調撥價 < 批發價 < 零售價".formatted(code));
				continue;
			}
			PriceLine compared = new PriceLine(code, product.name(), product.allocationPrice(), product.wholesalePrice(), product.retailPrice(),
					allocation, price.wholesale(), price.retail(), null, null, null);
			String warnings = PriceWarnings.of(compared, prices.lastWholesaleChange(code).orElse(null), today);
			lines.add(new Line(lineNo, code, false, product.name(), product.brand(), product.manufacturerCode(), product.allocationPrice(),
					product.wholesalePrice(), product.retailPrice(), allocation, price.wholesale(), price.retail(), warnings));
		}
		for (NoticeEntry.NewProduct p : entry.newProducts()) {
			lineNo++;
			if (!seen.add(p.name())) {
				errors.add("新規格「%s」填了兩次 (listed twice)".formatted(p.name()));
				continue;
			}
			String maker = catalog.findManufacturer(p.manufacturerCode()).orElse(null);
			if (maker == null) {
				errors.add("新規格「%s」：找不到工業企業「%s」，請填代碼或名稱 (unknown manufacturer)".formatted(p.name(),
						BusinessTime.abbreviated(p.manufacturerCode())));
				continue;
			}
			if (catalog.productNamed(p.name()).isPresent()) {
				errors.add("目錄中已有規格「%s」，請按規格代碼填在調價欄 (already in the catalog)".formatted(p.name()));
				continue;
			}
			if (!ordered(p.allocation(), p.wholesale(), p.retail())) {
				errors.add("新規格「%s」的價格應為 0 < 調撥價 < 批發價 < 零售價".formatted(p.name()));
				continue;
			}
			lines.add(new Line(lineNo, null, true, p.name(), p.brand(), maker, null, null, null, p.allocation(), p.wholesale(),
					p.retail(), "新規格，按%s進入目錄".formatted(PriceClass.of(p.allocation()).chineseName())));
		}
		List<String> codes = lines.stream().map(Line::productCode).filter(c -> c != null).toList();
		if (!codes.isEmpty()) {
			List<String> inOtherNotices = jdbc.sql("""
					SELECT DISTINCT l.product_code || '（' || n.notice_number || '）' FROM price_notice_line l
					JOIN price_notice n ON n.notice_number = l.notice_number
					WHERE n.status IN ('CHECKING', 'RETURNED', 'CONFIRMED') AND n.notice_number <> :n AND l.product_code IN (:codes)""")
					.param("n", number).param("codes", codes).query(String.class).list();
			if (!inOtherNotices.isEmpty()) {
				errors.add("以下規格已在另一份未生效的上級通知裡：" + String.join("、", inOtherNotices) + " (already in another notice)");
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
		// a proposal of ours for the same product is overtaken by the authority's notice: the checker should know
		Set<String> busy = new HashSet<>(prices.openProposalsFor(null, codes));
		return lines.stream().map(l -> busy.stream().filter(b -> b.startsWith(l.productCode() + "（")).findFirst()
				.map(b -> withWarning(l, "另有進行中的價格建議 " + b.substring(b.indexOf('（')))).orElse(l)).toList();
	}

	private static Line withWarning(Line l, String warning) {
		String text = l.warnings() == null || l.warnings().isEmpty() ? warning : l.warnings() + "；" + warning;
		return new Line(l.lineNo(), l.productCode(), l.newProduct(), l.productName(), l.brand(), l.manufacturerCode(), l.currentAllocation(),
				l.currentWholesale(), l.currentRetail(), l.allocation(), l.wholesale(), l.retail(), text);
	}

	private static boolean ordered(BigDecimal allocation, BigDecimal wholesale, BigDecimal retail) {
		return allocation != null && wholesale != null && retail != null && allocation.signum() > 0 && allocation.compareTo(wholesale) < 0
				&& wholesale.compareTo(retail) < 0;
	}

	private void insertLines(String number, List<Line> lines) {
		for (Line l : lines) {
			jdbc.sql("""
					INSERT INTO price_notice_line (notice_number, line_no, product_code, new_product, product_name, brand, manufacturer_code,
					       current_allocation, current_wholesale, current_retail, allocation_price, wholesale_price, retail_price, warnings)
					VALUES (:n, :l, :c, :new, :name, :b, :m, :ca, :cw, :cr, :a, :w, :r, :warn)""")
					.param("n", number).param("l", l.lineNo()).param("c", l.productCode()).param("new", l.newProduct()).param("name", l.productName())
					.param("b", l.brand()).param("m", l.manufacturerCode()).param("ca", l.currentAllocation()).param("cw", l.currentWholesale())
					.param("cr", l.currentRetail()).param("a", l.allocation()).param("w", l.wholesale()).param("r", l.retail())
					.param("warn", l.warnings() == null || l.warnings().isEmpty() ? null : l.warnings()).update();
		}
	}

	private void status(String number, Status status) {
		jdbc.sql("UPDATE price_notice SET status = :s WHERE notice_number = :n").param("s", status.name()).param("n", number).update();
	}

	private Notice mapNotice(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Notice(rs.getString("notice_number"), rs.getString("reference"), rs.getDate("effective_date").toLocalDate(), rs.getString("note"),
				rs.getString("drafter"), Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toLocalDateTime());
	}

	private Line mapLine(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Line(rs.getInt("line_no"), rs.getString("product_code"), rs.getBoolean("new_product"), rs.getString("product_name"),
				rs.getString("brand"), rs.getString("manufacturer_code"), rs.getBigDecimal("current_allocation"), rs.getBigDecimal("current_wholesale"),
				rs.getBigDecimal("current_retail"), rs.getBigDecimal("allocation_price"), rs.getBigDecimal("wholesale_price"),
				rs.getBigDecimal("retail_price"), rs.getString("warnings"));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}
}
