package com.wholesaler.marketing.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.identity.Role;

/**
 * 簡要記錄工作中的特殊資訊: a clerk notes a device, customer or product anomaly during the day; a
 * customer anomaly names the retailer, a product anomaly the product. The seat leader's daily check
 * lists them.
 */
@Service
public class SpecialEvents {

	public static final int NOTE_LIMIT = 500;

	public record SpecialEvent(long id, LocalDate date, String clerk, SpecialEventKind kind, String retailerCode, String productCode,
			String note, LocalDateTime recordedAt) {

		public String kindName() {
			return kind.chineseName();
		}
	}

	/** An event as a client sends it; {@link Recorded} is what was kept. */
	public record Report(String kind, String retailerCode, String productCode, String note) {
	}

	/** What was kept; a product anomaly names the feedback case it opened. */
	public record Recorded(long id, String kind, String note, String feedbackNumber) {
	}

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final RetailerFeedbacks feedbacks;
	private final Clock clock;

	SpecialEvents(JdbcClient jdbc, Catalog catalog, RetailerFeedbacks feedbacks, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.feedbacks = feedbacks;
		this.clock = clock;
	}

	@Transactional
	public Recorded record(String clerk, Set<String> groups, Report report) {
		if (!groups.contains(Role.PHONE_CLERK.groupId()) && !groups.contains(Role.SEAT_LEADER.groupId())) {
			throw new ActionForbidden("只有坐席（電話訂貨員、坐席班長）記錄特殊資訊 (only the seats record special events)");
		}
		SpecialEventKind kind;
		try {
			kind = SpecialEventKind.valueOf(String.valueOf(report.kind()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BusinessRuleException("類別應為 DEVICE（裝置異常）、CUSTOMER（客戶異常）或 PRODUCT（產品異常）(kind)");
		}
		String note = report.note() == null ? "" : report.note().strip();
		if (note.isEmpty()) {
			throw new BusinessRuleException("請簡要寫明情況 (note is required)");
		}
		if (note.length() > NOTE_LIMIT) {
			throw new BusinessRuleException("情況說明不能超過 %d 字，現在 %d 字 (note too long)".formatted(NOTE_LIMIT, note.length()));
		}
		String retailer = blankToNull(report.retailerCode());
		String product = blankToNull(report.productCode());
		if (kind == SpecialEventKind.CUSTOMER && retailer == null) {
			throw new BusinessRuleException("客戶異常請選擇零售客戶 (retailerCode is required)");
		}
		if (kind == SpecialEventKind.PRODUCT && product == null) {
			throw new BusinessRuleException("產品異常請填寫捲菸規格 (productCode is required)");
		}
		if (retailer != null && jdbc.sql("SELECT COUNT(*) FROM retailer WHERE code = :c").param("c", retailer).query(Long.class).single() == 0) {
			throw new BusinessRuleException("找不到零售客戶「%s」(unknown retailer)".formatted(retailer));
		}
		if (product != null && catalog.product(product).isEmpty()) {
			throw new BusinessRuleException("找不到捲菸規格「%s」(unknown product)".formatted(product));
		}
		String feedback = kind == SpecialEventKind.PRODUCT ? feedbacks.productAnomaly(clerk, retailer, product, note).feedbackNumber() : null;
		KeyHolder key = new GeneratedKeyHolder();
		LocalDateTime now = LocalDateTime.now(clock);
		jdbc.sql("""
				INSERT INTO special_event (call_date, clerk, kind, retailer_code, product_code, note, recorded_at, feedback_number)
				VALUES (:day, :clerk, :kind, :retailer, :product, :note, :now, :feedback)""")
				.param("day", now.toLocalDate()).param("clerk", clerk).param("kind", kind.name()).param("retailer", retailer)
				.param("product", product).param("note", note).param("now", Timestamp.valueOf(now)).param("feedback", feedback)
				.update(key, "id");
		return new Recorded(key.getKey().longValue(), kind.name(), note, feedback);
	}

	public List<SpecialEvent> of(LocalDate day) {
		return jdbc.sql("""
				SELECT id, call_date, clerk, kind, retailer_code, product_code, note, recorded_at
				FROM special_event WHERE call_date = :day ORDER BY recorded_at, id""")
				.param("day", day)
				.query((rs, n) -> new SpecialEvent(rs.getLong("id"), rs.getDate("call_date").toLocalDate(), rs.getString("clerk"),
						SpecialEventKind.valueOf(rs.getString("kind")), rs.getString("retailer_code"), rs.getString("product_code"),
						rs.getString("note"), rs.getTimestamp("recorded_at").toLocalDateTime()))
				.list();
	}

	private static String blankToNull(String code) {
		return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
	}
}
