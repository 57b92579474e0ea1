package com.wholesaler.marketing.manufacturers;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.ActionForbidden;
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
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 工業企業檔案 (「建立並適時更新工業企業檔案資訊，對工業企業進行分類」): a manufacturer's contacts, its
 * contracts and how they were delivered and billed, the supply manager's service log, and its service
 * class with every change (proposed by the supply manager, decided by the brand-planning head).
 */
@Service
public class ManufacturerFiles {

	public static final String PROCESS_ID = "manufacturerClassChange";
	static final int TEXT_LIMIT = 1000;

	public record Contacts(String contactPerson, String phone, String address, String classReason, String updatedBy, LocalDateTime updatedAt) {
	}

	/** A contract with the manufacturer, and how it went: complete, and its last arrival within its month. */
	public record ContractRow(String contractNumber, String period, String status, long cartons, long arrived, BigDecimal amount,
			LocalDate lastArrival, int invoices, int discrepancies) {

		public boolean complete() {
			return cartons > 0 && arrived >= cartons;
		}

		/** Every carton arrived by the end of the contract's month; null while goods are still due. */
		public Boolean onTime() {
			if (!complete() || lastArrival == null) {
				return null;
			}
			return !lastArrival.isAfter(YearMonth.parse(period).atEndOfMonth());
		}
	}

	public record LogEntry(long id, ServiceLogKind kind, LocalDate happenedOn, String text, String recordedBy, LocalDateTime recordedAt) {
	}

	public record ClassChange(String number, String manufacturerCode, char fromClass, char toClass, String reason, String proposedBy,
			LocalDateTime proposedAt, String status, String decidedBy, LocalDateTime decidedAt, String comment) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return number;
		}

		@Override
		public String caseName() {
			return "工業企業分類調整";
		}

		@Override
		public String drafter() {
			return proposedBy;
		}

		@Override
		public Area area() {
			return Area.SUPPLIERS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return step == ClassChangeStep.DECIDE && "PROPOSED".equals(status);
		}

		public String statusName() {
			return switch (status) {
				case "PROPOSED" -> "待審定";
				case "APPROVED" -> "已調整";
				default -> "未同意";
			};
		}
	}

	public record Manufacturer(String code, String name, String province, char serviceClass) {
	}

	public record Product(String code, String name, String brand, BigDecimal allocationPrice, String status) {
	}

	private final JdbcClient jdbc;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final DocumentNumbers numbers;
	private final Clock clock;

	ManufacturerFiles(JdbcClient jdbc, ApprovalCore core, ApprovalSheet sheet, CurrentUser currentUser, DocumentNumbers numbers, Clock clock) {
		this.jdbc = jdbc;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.numbers = numbers;
		this.clock = clock;
	}

	public Manufacturer manufacturer(String code) {
		return jdbc.sql("SELECT code, name, province, service_class FROM manufacturer WHERE code = :c").param("c", code == null ? "" : code.strip().toUpperCase())
				.query((rs, i) -> new Manufacturer(rs.getString("code"), rs.getString("name"), rs.getString("province"),
						rs.getString("service_class").charAt(0)))
				.optional().orElseThrow(() -> new BusinessRuleException("找不到工業企業「%s」(unknown manufacturer)".formatted(BusinessTime.abbreviated(String.valueOf(code)))));
	}

	public Optional<Contacts> contacts(String code) {
		return jdbc.sql("SELECT * FROM manufacturer_file WHERE manufacturer_code = :c").param("c", code)
				.query((rs, i) -> new Contacts(rs.getString("contact_person"), rs.getString("phone"), rs.getString("address"),
						rs.getString("class_reason"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toLocalDateTime()))
				.optional();
	}

	public List<Product> products(String code) {
		return jdbc.sql("SELECT code, name, brand, allocation_price, status FROM product WHERE manufacturer_code = :c ORDER BY brand, code")
				.param("c", code)
				.query((rs, i) -> new Product(rs.getString("code"), rs.getString("name"), rs.getString("brand"), rs.getBigDecimal("allocation_price"),
						rs.getString("status")))
				.list();
	}

	public List<ContractRow> contracts(String code) {
		return jdbc.sql("""
				SELECT c.contract_number, c.period, c.status,
				       COALESCE((SELECT SUM(l.cartons) FROM contract_line l WHERE l.contract_number = c.contract_number), 0) AS cartons,
				       COALESCE((SELECT SUM(l.cartons * l.unit_price) FROM contract_line l WHERE l.contract_number = c.contract_number), 0) AS amount,
				       COALESCE((SELECT SUM(al.cartons) FROM contract_arrival a JOIN contract_arrival_line al ON al.arrival_id = a.id
				                 WHERE a.contract_number = c.contract_number), 0) AS arrived,
				       (SELECT MAX(a.received_at) FROM contract_arrival a WHERE a.contract_number = c.contract_number) AS last_arrival,
				       (SELECT COUNT(*) FROM contract_invoice i WHERE i.contract_number = c.contract_number) AS invoices,
				       (SELECT COUNT(*) FROM contract_invoice i WHERE i.contract_number = c.contract_number AND i.mismatches IS NOT NULL) AS discrepancies
				FROM contract c WHERE c.manufacturer_code = :c ORDER BY c.period DESC, c.contract_number DESC""")
				.param("c", code)
				.query((rs, i) -> {
					Timestamp last = rs.getTimestamp("last_arrival");
					return new ContractRow(rs.getString("contract_number"), rs.getString("period"), rs.getString("status"), rs.getLong("cartons"),
							rs.getLong("arrived"), rs.getBigDecimal("amount"), last == null ? null : last.toLocalDateTime().toLocalDate(),
							rs.getInt("invoices"), rs.getInt("discrepancies"));
				})
				.list();
	}

	public List<LogEntry> serviceLog(String code) {
		return jdbc.sql("SELECT * FROM manufacturer_service_log WHERE manufacturer_code = :c ORDER BY happened_on DESC, id DESC").param("c", code)
				.query((rs, i) -> new LogEntry(rs.getLong("id"), ServiceLogKind.valueOf(rs.getString("kind")), rs.getDate("happened_on").toLocalDate(),
						rs.getString("text"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toLocalDateTime()))
				.list();
	}

	public List<ClassChange> classChanges(String code) {
		return jdbc.sql(CHANGES + " WHERE manufacturer_code = :c ORDER BY proposed_at DESC").param("c", code).query(this::change).list();
	}

	/** The supply manager keeps the contacts and the address up to date. */
	public void updateContacts(String code, String by, Set<String> groups, String person, String phone, String address) {
		supplyManager(groups, "工業企業檔案由貨源管理員維護 (only the supply manager keeps the file)");
		Manufacturer m = manufacturer(code);
		String p = limited(person, 40, "聯繫人");
		String t = limited(phone, 40, "電話");
		String a = limited(address, 200, "地址");
		if (t != null && !t.matches("[0-9+()\\- 轉#]{5,40}")) {
			throw new BusinessRuleException("電話「%s」只能含數字、空格、+、-、括號 (phone)".formatted(BusinessTime.abbreviated(t)));
		}
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
		if (jdbc.sql("UPDATE manufacturer_file SET contact_person = :p, phone = :t, address = :a, updated_by = :by, updated_at = :at WHERE manufacturer_code = :c")
				.param("p", p).param("t", t).param("a", a).param("by", by).param("at", now).param("c", m.code()).update() == 0) {
			jdbc.sql("""
					INSERT INTO manufacturer_file (manufacturer_code, contact_person, phone, address, updated_by, updated_at)
					VALUES (:c, :p, :t, :a, :by, :at)""")
					.param("p", p).param("t", t).param("a", a).param("by", by).param("at", now).param("c", m.code()).update();
		}
	}

	/** The supply manager records a visit, a call or an issue, on a day not in the future. */
	public void addServiceLog(String code, String by, Set<String> groups, String kind, String day, String text) {
		supplyManager(groups, "服務記錄由貨源管理員填寫 (only the supply manager keeps the service log)");
		Manufacturer m = manufacturer(code);
		ServiceLogKind k = ServiceLogKind.named(kind);
		LocalDate on = BusinessTime.day(day, LocalDate.now(clock));
		if (on.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("日期 %s 還沒到 (date in the future)".formatted(on));
		}
		String t = limited(text, TEXT_LIMIT, "內容");
		if (t == null) {
			throw new BusinessRuleException("請寫明記錄內容 (text required)");
		}
		jdbc.sql("""
				INSERT INTO manufacturer_service_log (manufacturer_code, kind, happened_on, text, recorded_by, recorded_at)
				VALUES (:c, :k, :d, :t, :by, :at)""")
				.param("c", m.code()).param("k", k.name()).param("d", on).param("t", t).param("by", by)
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
	}

	/** The signed-in supply manager proposes a new class with its reason; one open proposal per manufacturer. */
	String proposeClassChange(Object codeText, Object classText, String reason) {
		var actor = currentUser.actor();
		if (!actor.holds(Role.SUPPLY_MANAGER)) {
			throw new BusinessRuleException("分類調整由貨源管理員提出 (only the supply manager proposes)");
		}
		Manufacturer m = manufacturer(codeText == null ? null : codeText.toString());
		String to = classText == null ? "" : classText.toString().strip().toUpperCase();
		if (!to.matches("[ABC]")) {
			throw new BusinessRuleException("分類只能是 A、B 或 C (class)");
		}
		if (to.charAt(0) == m.serviceClass()) {
			throw new BusinessRuleException("%s 已是 %s 類 (already that class)".formatted(m.name(), to));
		}
		String why = limited(reason, 500, "理由");
		if (why == null) {
			throw new BusinessRuleException("請寫明調整分類的理由 (reason required)");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM manufacturer_class_change WHERE manufacturer_code = :c AND status = 'PROPOSED'").param("c", m.code())
				.query(Long.class).single() > 0) {
			throw new BusinessRuleException("%s 已有待審定的分類調整 (one open proposal)".formatted(m.name()));
		}
		int year = LocalDate.now(clock).getYear();
		String number = "FL-%d-%04d".formatted(year, numbers.next("FL-" + year));
		jdbc.sql("""
				INSERT INTO manufacturer_class_change (change_number, manufacturer_code, from_class, to_class, reason, proposed_by, proposed_at, status)
				VALUES (:n, :c, :f, :t, :r, :by, :at, 'PROPOSED')""")
				.param("n", number).param("c", m.code()).param("f", String.valueOf(m.serviceClass())).param("t", to).param("r", why)
				.param("by", actor.id()).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		sheet.record(number, ClassChangeStep.PROPOSE, ApprovalEventType.SUBMIT, "%s：%s 類 → %s 類。%s".formatted(m.name(), m.serviceClass(), to, why),
				actor.id());
		return number;
	}

	/** The brand-planning head's decision, checked by the approval core; approved, the class changes and its reason is kept. */
	void decide(String number, Object decision, String comment) {
		ClassChange change = classChange(number);
		ApprovalCore.Verdict verdict = core.check(change, ClassChangeStep.DECIDE, Decision.of(decision), comment);
		boolean approved = verdict.decision() == Decision.APPROVE;
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
		jdbc.sql("UPDATE manufacturer_class_change SET status = :s, decided_by = :by, decided_at = :at, comment = :cm WHERE change_number = :n")
				.param("s", approved ? "APPROVED" : "REJECTED").param("by", currentUser.id()).param("at", now).param("cm", comment).param("n", number)
				.update();
		if (approved) {
			jdbc.sql("UPDATE manufacturer SET service_class = :t WHERE code = :c").param("t", String.valueOf(change.toClass()))
					.param("c", change.manufacturerCode()).update();
			if (jdbc.sql("UPDATE manufacturer_file SET class_reason = :r WHERE manufacturer_code = :c").param("r", change.reason())
					.param("c", change.manufacturerCode()).update() == 0) {
				jdbc.sql("INSERT INTO manufacturer_file (manufacturer_code, class_reason, updated_by, updated_at) VALUES (:c, :r, :by, :at)")
						.param("c", change.manufacturerCode()).param("r", change.reason()).param("by", currentUser.id()).param("at", now).update();
			}
		}
		core.record(change, verdict);
	}

	public ClassChange classChange(String number) {
		return jdbc.sql(CHANGES + " WHERE change_number = :n").param("n", number).query(this::change).optional()
				.orElseThrow(() -> new BusinessRuleException("找不到分類調整「%s」(unknown)".formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	private static void supplyManager(Set<String> groups, String message) {
		if (!groups.contains(Role.SUPPLY_MANAGER.groupId())) {
			throw new ActionForbidden(message);
		}
	}

	private static String limited(String text, int limit, String what) {
		String t = text == null ? null : text.strip();
		if (t != null && t.length() > limit) {
			throw new BusinessRuleException("%s最多 %d 字 (too long)".formatted(what, limit));
		}
		return t == null || t.isEmpty() ? null : t;
	}

	private static final String CHANGES = "SELECT * FROM manufacturer_class_change";

	private ClassChange change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ClassChange(rs.getString("change_number"), rs.getString("manufacturer_code"), rs.getString("from_class").charAt(0),
				rs.getString("to_class").charAt(0), rs.getString("reason"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toLocalDateTime(),
				rs.getString("status"), rs.getString("decided_by"), decided == null ? null : decided.toLocalDateTime(), rs.getString("comment"));
	}
}
