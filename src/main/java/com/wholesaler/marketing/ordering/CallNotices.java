package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.identity.Role;

/**
 * 宣傳方針政策: notices the seats read to every retailer they reach while the notice is in force. The
 * general administrator passes on the price information from above (通知、傳遞至電訪部), the order
 * department and the brand-planning head the policies and new products; each call records which
 * notices the retailer was told, so that nobody is told twice and nobody is missed.
 */
@Service
public class CallNotices {

	public static final int TITLE_LIMIT = 100;
	public static final int BODY_LIMIT = 1000;
	/** The longest a notice stays in force: a quarter; a standing policy is published again. */
	public static final int MOST_DAYS = 92;
	public static final Set<Role> PUBLISHERS = EnumSet.of(Role.GENERAL_ADMIN, Role.ORDER_DEPT_HEAD, Role.BRAND_PLANNING_HEAD);

	public record Notice(long id, NoticeKind kind, String title, String body, String productCode, LocalDate validFrom, LocalDate validTo,
			String publishedBy, LocalDateTime publishedAt, LocalDateTime withdrawnAt) {

		public String kindName() {
			return kind.chineseName();
		}

		public boolean inForceOn(LocalDate day) {
			return withdrawnAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
		}
	}

	/** A notice as the page sends it. */
	public record Draft(String kind, String title, String body, String productCode, String validFrom, String validTo) {
	}

	/** A notice on the list page: how many retailers were told and how many were reached while it was in force. */
	public record Reach(Notice notice, long told, long reached) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Catalog catalog;
	private final Clock clock;

	CallNotices(JdbcClient jdbc, JdbcTemplate batch, Catalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Transactional
	public Notice publish(String user, Set<String> groups, Draft draft) {
		mayPublish(groups);
		NoticeKind kind;
		try {
			kind = NoticeKind.valueOf(String.valueOf(draft.kind()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BusinessRuleException("類別應為 POLICY（方針政策）、PRICE（價格資訊）或 NEW_PRODUCT（新品）(kind)");
		}
		String title = text(draft.title(), "標題 (title)", TITLE_LIMIT);
		String body = text(draft.body(), "內容 (body)", BODY_LIMIT);
		String product = draft.productCode() == null || draft.productCode().isBlank() ? null
				: draft.productCode().strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
		if (product == null && kind == NoticeKind.NEW_PRODUCT) {
			throw new BusinessRuleException("新品通知請填寫捲菸規格 (productCode is required)");
		}
		if (product != null && catalog.product(product).isEmpty()) {
			throw new BusinessRuleException("找不到捲菸規格「%s」(unknown product)".formatted(product));
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate from = BusinessTime.day(draft.validFrom(), today);
		LocalDate to = BusinessTime.day(draft.validTo(), null);
		if (to == null) {
			throw new BusinessRuleException("請填寫結束日期 (validTo)");
		}
		if (to.isBefore(from) || to.isBefore(today)) {
			throw new BusinessRuleException("結束日期不能早於開始日期或今天 (validTo)");
		}
		if (from.plusDays(MOST_DAYS).isBefore(to)) {
			throw new BusinessRuleException("通知有效期最長 %d 天 (at most %d days)".formatted(MOST_DAYS, MOST_DAYS));
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO call_notice (kind, title, body, product_code, valid_from, valid_to, published_by, published_at)
				VALUES (:kind, :title, :body, :product, :from, :to, :by, :at)""")
				.param("kind", kind.name()).param("title", title).param("body", body).param("product", product).param("from", from)
				.param("to", to).param("by", user).param("at", Timestamp.valueOf(LocalDateTime.now(clock)))
				.update(key, "id");
		long id = key.getKey().longValue();
		return notice(id);
	}

	/** How long a price change is read to the retailers after it takes effect: a week of calls, every retailer once. */
	public static final int PRICE_NOTICE_DAYS = 7;

	/**
	 * Makes a price notice of each price change from a case (a price proposal, a notice from above, a new
	 * product's first prices) that took effect in the last week and has none yet: the product, the old and
	 * new wholesale and retail prices, in force for a week from the change. Returns how many were made.
	 */
	int fromPriceChanges(LocalDate day) {
		record Change(long id, String product, String name, LocalDate from, String proposal, BigDecimal wholesale, BigDecimal retail,
				BigDecimal oldWholesale, BigDecimal oldRetail) {
		}
		List<Change> changes = jdbc.sql("""
				SELECT n.id, n.product_code, p.name, n.valid_from, n.proposal_number, n.wholesale_price, n.retail_price,
				       o.wholesale_price AS old_wholesale, o.retail_price AS old_retail
				FROM product_price n JOIN product p ON p.code = n.product_code
				LEFT JOIN product_price o ON o.product_code = n.product_code AND o.valid_from =
				     (SELECT MAX(b.valid_from) FROM product_price b WHERE b.product_code = n.product_code AND b.valid_from < n.valid_from)
				WHERE n.proposal_number IS NOT NULL AND n.valid_from > :since AND n.valid_from <= :day
				  AND NOT EXISTS (SELECT 1 FROM call_notice c WHERE c.source = CONCAT('product_price:', CAST(n.id AS VARCHAR(20))))
				ORDER BY n.id""")
				.param("since", day.minusDays(PRICE_NOTICE_DAYS)).param("day", day)
				.query((rs, n) -> new Change(rs.getLong("id"), rs.getString("product_code"), rs.getString("name"), rs.getDate("valid_from").toLocalDate(),
						rs.getString("proposal_number"), rs.getBigDecimal("wholesale_price"), rs.getBigDecimal("retail_price"),
						rs.getBigDecimal("old_wholesale"), rs.getBigDecimal("old_retail")))
				.list();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
		for (Change c : changes) {
			String body = "%s %s 自 %s 起批發價 %s，建議零售價 %s（%s）。".formatted(c.product(), c.name(), c.from(), was(c.oldWholesale(), c.wholesale()),
					was(c.oldRetail(), c.retail()), c.proposal());
			jdbc.sql("""
					INSERT INTO call_notice (kind, title, body, product_code, valid_from, valid_to, published_by, published_at, source)
					VALUES (:kind, :title, :body, :product, :from, :to, '系統', :at, :source)""")
					// a product's first price is a new product entering the catalog (an introduction, a notice from above)
					.param("kind", c.oldWholesale() == null ? NoticeKind.NEW_PRODUCT.name() : NoticeKind.PRICE.name())
					.param("title", BusinessTime.abbreviated((c.oldWholesale() == null ? "新品上市：" : "價格調整：") + c.name()))
					.param("body", body).param("product", c.product())
					.param("from", c.from()).param("to", c.from().plusDays(PRICE_NOTICE_DAYS - 1)).param("at", now)
					.param("source", "product_price:" + c.id()).update();
		}
		return changes.size();
	}

	private static String was(BigDecimal before, BigDecimal after) {
		return before == null ? "¥" + after.toPlainString() : "¥%s → ¥%s".formatted(before.toPlainString(), after.toPlainString());
	}

	/** Ends a notice before its date; the retailers already told stay recorded. */
	@Transactional
	public void withdraw(long id, String user, Set<String> groups) {
		mayPublish(groups);
		if (jdbc.sql("UPDATE call_notice SET withdrawn_by = :by, withdrawn_at = :at WHERE id = :id AND withdrawn_at IS NULL")
				.param("by", user).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("id", id).update() == 0) {
			throw new BusinessRuleException("找不到在用的通知 %d (unknown or withdrawn notice)".formatted(id));
		}
	}

	public Notice notice(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional()
				.orElseThrow(() -> new BusinessRuleException("找不到通知 %d (unknown notice)".formatted(id)));
	}

	/** The notices in force on a day, the oldest first: what the seats read that day. */
	public List<Notice> inForce(LocalDate day) {
		return jdbc.sql(SELECT + " WHERE valid_from <= :d AND valid_to >= :d AND withdrawn_at IS NULL ORDER BY valid_from, id")
				.param("d", day).query(this::map).list();
	}

	/** The notices in force or coming, and those ended in the last 30 days, with how far each reached. */
	public List<Reach> recent() {
		LocalDate today = LocalDate.now(clock);
		List<Notice> notices = jdbc.sql(SELECT + " WHERE valid_to >= :since ORDER BY valid_from DESC, id DESC")
				.param("since", today.minusDays(30)).query(this::map).list();
		List<Reach> reach = new ArrayList<>();
		for (Notice n : notices) {
			long told = jdbc.sql("SELECT COUNT(*) FROM call_notice_told WHERE notice_id = :id").param("id", n.id()).query(Long.class).single();
			LocalDate end = n.withdrawnAt() != null && n.withdrawnAt().toLocalDate().isBefore(n.validTo()) ? n.withdrawnAt().toLocalDate() : n.validTo();
			long reached = jdbc.sql("""
					SELECT COUNT(DISTINCT retailer_code) FROM phone_order
					WHERE call_date BETWEEN :from AND :to AND outcome = 'CONNECTED'""")
					.param("from", n.validFrom()).param("to", end.isAfter(today) ? today : end).query(Long.class).single();
			reach.add(new Reach(n, told, reached));
		}
		return reach;
	}

	/** For each retailer, the notices in force that they have not been told yet. */
	public Map<String, List<Long>> untold(Collection<String> retailers, List<Notice> inForce) {
		Map<String, List<Long>> untold = new HashMap<>();
		if (inForce.isEmpty() || retailers.isEmpty()) {
			return untold;
		}
		Set<String> told = new HashSet<>();
		jdbc.sql("SELECT notice_id, retailer_code FROM call_notice_told WHERE notice_id IN (:ids) AND retailer_code IN (:retailers)")
				.param("ids", inForce.stream().map(Notice::id).toList()).param("retailers", retailers)
				.query((rs, n) -> told.add(rs.getLong("notice_id") + "/" + rs.getString("retailer_code"))).list();
		for (String retailer : retailers) {
			List<Long> ids = inForce.stream().map(Notice::id).filter(id -> !told.contains(id + "/" + retailer)).toList();
			untold.put(retailer, ids);
		}
		return untold;
	}

	/**
	 * Records on the call which notices the retailer was told; a notice told before stays as first
	 * told. Only notices in force that day, and only on a call that got through.
	 */
	void told(long orderId, String retailer, LocalDate day, Set<Long> noticeIds) {
		if (noticeIds.isEmpty()) {
			return;
		}
		Set<Long> inForce = new HashSet<>(inForce(day).stream().map(Notice::id).toList());
		for (Long id : noticeIds) {
			if (!inForce.contains(id)) {
				throw new BusinessRuleException("通知 %d 今天不在有效期內 (notice not in force)".formatted(id));
			}
		}
		List<Object[]> rows = new ArrayList<>();
		for (Long id : noticeIds) {
			rows.add(new Object[] {id, retailer, orderId, id, retailer});
		}
		batch.batchUpdate("""
				INSERT INTO call_notice_told (notice_id, retailer_code, order_id)
				SELECT ?, ?, ? FROM (VALUES (1)) v
				WHERE NOT EXISTS (SELECT 1 FROM call_notice_told t WHERE t.notice_id = ? AND t.retailer_code = ?)""", rows);
	}

	private static void mayPublish(Set<String> groups) {
		if (PUBLISHERS.stream().noneMatch(r -> groups.contains(r.groupId()))) {
			throw new ActionForbidden("通知由綜合管理員、訂單部主管或品牌計畫主管發布 (only they publish notices)");
		}
	}

	private static String text(String value, String what, int limit) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new BusinessRuleException("請填寫%s".formatted(what));
		}
		if (text.length() > limit) {
			throw new BusinessRuleException("%s不能超過 %d 字，現在 %d 字".formatted(what, limit, text.length()));
		}
		return text;
	}


	private static final String SELECT = """
			SELECT id, kind, title, body, product_code, valid_from, valid_to, published_by, published_at, withdrawn_at FROM call_notice""";

	private Notice map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
		return new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
				rs.getString("product_code"), rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
				rs.getString("published_by"), rs.getTimestamp("published_at").toLocalDateTime(), withdrawn == null ? null : withdrawn.toLocalDateTime());
	}
}
