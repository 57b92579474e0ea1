package com.wholesaler.marketing.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 限量例外: a clerk asks, with a reason, that a retailer may order more of a limited product this
 * week than its tier's limit; the seat leader approves or refuses through the approval core. An
 * approved exception raises that retailer's limit of that product for that week only (Orders).
 */
@Service
public class LimitExceptions {

	public static final String PROCESS_ID = "limitException";
	public static final int REASON_LIMIT = 500;

	public enum Status {
		ASKED, APPROVED, REFUSED
	}

	/** An exception as the desk asks it. */
	public record Request(String retailerCode, String productCode, Integer cartons, String reason) {
	}

	public record Asked(String exceptionNumber, int extraCartons, int limit) {
	}

	/** The exception as the approval core sees it. */
	public record LimitException(String exceptionNumber, String retailerCode, String retailerName, String productCode, String productName,
			LocalDate weekStart, int extraCartons, String reason, String askedBy, Status status) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return exceptionNumber;
		}

		@Override
		public String caseName() {
			return "限量例外";
		}

		@Override
		public String drafter() {
			return askedBy;
		}

		@Override
		public Area area() {
			return Area.SHORTAGES;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return step == LimitExceptionStep.REVIEW && status == Status.ASKED;
		}
	}

	private final JdbcClient jdbc;
	private final OrderRepository orders;
	private final DocumentNumbers numbers;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final RuntimeService runtime;
	private final Clock clock;

	LimitExceptions(JdbcClient jdbc, OrderRepository orders, DocumentNumbers numbers, ApprovalCore core, ApprovalSheet sheet,
			RuntimeService runtime, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.numbers = numbers;
		this.core = core;
		this.sheet = sheet;
		this.runtime = runtime;
		this.clock = clock;
	}

	/**
	 * A clerk asks for a retailer on their list today, for a product limited at the retailer's tier this
	 * week; the case goes to the seat leader.
	 */
	@Transactional
	public Asked ask(String clerk, Set<String> groups, Request request) {
		if (!groups.contains(Role.PHONE_CLERK.groupId())) {
			throw new ActionForbidden("只有電話訂貨員申請限量例外 (only phone clerks ask)");
		}
		String retailerCode = request.retailerCode() == null ? "" : request.retailerCode().strip().toUpperCase(Locale.ROOT);
		String productCode = request.productCode() == null ? "" : request.productCode().strip().toUpperCase(Locale.ROOT);
		if (request.cartons() == null || request.cartons() <= 0 || request.cartons() > OrderRequest.MOST_CARTONS) {
			throw new BusinessRuleException("請填寫超出限量的條數（1 至 %d 的整數）(cartons)".formatted(OrderRequest.MOST_CARTONS));
		}
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.isEmpty() || reason.length() > REASON_LIMIT) {
			throw new BusinessRuleException("請說明理由（不超過 %d 字）(a reason is required)".formatted(REASON_LIMIT));
		}
		LocalDate today = LocalDate.now(clock);
		OrderRepository.RetailerOnRoute retailer = orders.retailer(retailerCode)
				.orElseThrow(() -> new BusinessRuleException("找不到零售客戶「%s」(unknown retailer)".formatted(retailerCode)));
		if (!clerk.equals(retailer.clerk()) || retailer.orderDay() != today.getDayOfWeek()) {
			throw new ActionForbidden("%s %s 不在您今天的訪銷列表中 (not on your call list today)".formatted(retailer.code(), retailer.name()));
		}
		Integer limit = orders.productLimits(List.of(productCode), retailer.tier(), today).get(productCode);
		if (limit == null) {
			throw new BusinessRuleException("規格「%s」本週對 %d 檔客戶沒有限量，無需申請 (no limit in force)".formatted(productCode, retailer.tier()));
		}
		LocalDateTime now = LocalDateTime.now(clock);
		String series = "LE-" + YearMonth.from(now);
		String number = "%s-%03d".formatted(series, numbers.next(series));
		jdbc.sql("""
				INSERT INTO limit_exception (exception_number, retailer_code, product_code, week_start, extra_cartons, reason, asked_by, asked_at, status)
				VALUES (:n, :r, :p, :w, :c, :reason, :by, :at, 'ASKED')""")
				.param("n", number).param("r", retailer.code()).param("p", productCode).param("w", OrderWeek.of(today)).param("c", request.cartons())
				.param("reason", reason).param("by", clerk).param("at", Timestamp.valueOf(now)).update();
		sheet.record(number, LimitExceptionStep.ASK, ApprovalEventType.SUBMIT, reason, clerk);
		runtime.startProcessInstanceByKey(PROCESS_ID, number, Map.of("exceptionNumber", number));
		return new Asked(number, request.cartons(), limit);
	}

	/** The seat leader's decision, checked by the approval core (step, role, not the asker, a comment to refuse). */
	void decide(String number, Object decision, String comment) {
		LimitException exception = exception(number);
		ApprovalCore.Verdict verdict = core.check(exception, LimitExceptionStep.REVIEW, Decision.of(decision), comment);
		jdbc.sql("UPDATE limit_exception SET status = :s WHERE exception_number = :n")
				.param("s", verdict.decision() == Decision.APPROVE ? Status.APPROVED.name() : Status.REFUSED.name()).param("n", number).update();
		core.record(exception, verdict);
	}

	/** The cartons approved beyond the limits for a retailer in a week, by product. */
	Map<String, Integer> approvedExtra(String retailerCode, LocalDate week, Collection<String> productCodes) {
		Map<String, Integer> extra = new HashMap<>();
		if (productCodes.isEmpty()) {
			return extra;
		}
		jdbc.sql("""
				SELECT product_code, SUM(extra_cartons) AS extra FROM limit_exception
				WHERE retailer_code = :r AND week_start = :w AND status = 'APPROVED' AND product_code IN (:p) GROUP BY product_code""")
				.param("r", retailerCode).param("w", week).param("p", productCodes)
				.query((rs, n) -> extra.put(rs.getString("product_code"), rs.getInt("extra"))).list();
		return extra;
	}

	public LimitException exception(String number) {
		return jdbc.sql("""
				SELECT e.*, t.name AS retailer_name, p.name AS product_name FROM limit_exception e
				JOIN retailer t ON t.code = e.retailer_code JOIN product p ON p.code = e.product_code WHERE e.exception_number = :n""")
				.param("n", number)
				.query((rs, i) -> new LimitException(rs.getString("exception_number"), rs.getString("retailer_code"), rs.getString("retailer_name"),
						rs.getString("product_code"), rs.getString("product_name"), rs.getDate("week_start").toLocalDate(), rs.getInt("extra_cartons"),
						rs.getString("reason"), rs.getString("asked_by"), Status.valueOf(rs.getString("status"))))
				.optional().orElseThrow(() -> new BusinessRuleException("找不到限量例外「%s」(unknown exception)".formatted(number)));
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}
}
