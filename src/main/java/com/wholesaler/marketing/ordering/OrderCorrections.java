package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.identity.Role;

/**
 * 訂單更正: the seat leader lowers (or removes) a line of an order of this week, with a reason, when a
 * clerk typed a slip or the retailer called back to order less. What the line freed goes back to the
 * retailer's weekly counts, the stock and the day's sales. More than ordered is a new order on the
 * desk, within the limits, not a correction.
 */
@Service
public class OrderCorrections {

	public static final int REASON_LIMIT = 500;

	/** A correction as a client sends it. */
	public record Request(String productCode, Integer cartons, String reason) {
	}

	public record OrderLine(String productCode, String productName, int cartons, BigDecimal unitPrice, BigDecimal amount) {
	}

	public record Correction(String productCode, int fromCartons, int toCartons, String reason, String correctedBy, LocalDateTime correctedAt) {
	}

	/** An order as the seat leader sees it: the call, its lines now, and its corrections. */
	public record Order(String orderNumber, long id, String retailerCode, String retailerName, String clerk, LocalDate callDate,
			LocalDate weekStart, String outcome, int cartons, BigDecimal amount, List<OrderLine> lines, List<Correction> corrections) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	OrderCorrections(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Order correct(String orderNumber, String user, Set<String> groups, Request request) {
		if (!groups.contains(Role.SEAT_LEADER.groupId())) {
			throw new ActionForbidden("訂單由坐席班長更正 (only the seat leader corrects orders)");
		}
		Order order = order(orderNumber);
		LocalDate week = OrderWeek.of(LocalDate.now(clock));
		if (!order.weekStart().equals(week)) {
			throw new BusinessRuleException("訂單 %s 是 %s 那週的，只能更正本週的訂單 (only this week's orders)".formatted(orderNumber, order.weekStart()));
		}
		String code = request.productCode() == null ? "" : request.productCode().strip().toUpperCase(Locale.ROOT);
		OrderLine line = order.lines().stream().filter(l -> l.productCode().equals(code)).findFirst()
				.orElseThrow(() -> new BusinessRuleException("訂單 %s 沒有規格「%s」的訂單行 (no such line)".formatted(orderNumber, code)));
		if (request.cartons() == null || request.cartons() < 0) {
			throw new BusinessRuleException("更正後的條數應為 0 或正整數 (cartons)");
		}
		int to = request.cartons();
		if (to >= line.cartons()) {
			throw new BusinessRuleException("更正只能減少條數（現為 %d 條）；加訂請在訂貨台另下訂單 (a correction only lowers a line)".formatted(line.cartons()));
		}
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.isEmpty()) {
			throw new BusinessRuleException("請寫明更正原因 (reason is required)");
		}
		if (reason.length() > REASON_LIMIT) {
			throw new BusinessRuleException("更正原因不能超過 %d 字 (reason too long)".formatted(REASON_LIMIT));
		}
		int freed = line.cartons() - to;
		BigDecimal freedAmount = line.unitPrice().multiply(BigDecimal.valueOf(freed));
		// the line is read again under its row lock: a second correction at the same moment finds the first's result
		int moved = to == 0
				? jdbc.sql("DELETE FROM phone_order_line WHERE order_id = :o AND product_code = :p AND cartons = :was")
						.param("o", order.id()).param("p", code).param("was", line.cartons()).update()
				: jdbc.sql("UPDATE phone_order_line SET cartons = :to, amount = unit_price * :to WHERE order_id = :o AND product_code = :p AND cartons = :was")
						.param("to", to).param("o", order.id()).param("p", code).param("was", line.cartons()).update();
		if (moved != 1) {
			throw new BusinessRuleException("訂單 %s 剛被更正過，請重新整理後再試 (changed meanwhile)".formatted(orderNumber));
		}
		jdbc.sql("UPDATE phone_order SET cartons = cartons - :n, amount = amount - :a WHERE id = :o")
				.param("n", freed).param("a", freedAmount).param("o", order.id()).update();
		jdbc.sql("UPDATE retailer_week_product SET cartons = cartons - :n WHERE retailer_code = :r AND product_code = :p AND week_start = :w")
				.param("n", freed).param("r", order.retailerCode()).param("p", code).param("w", week).update();
		jdbc.sql("UPDATE retailer_week_total SET cartons = cartons - :n WHERE retailer_code = :r AND week_start = :w")
				.param("n", freed).param("r", order.retailerCode()).param("w", week).update();
		jdbc.sql("UPDATE stock SET reserved = reserved - :n WHERE product_code = :p").param("n", freed).param("p", code).update();
		jdbc.sql("UPDATE daily_sales SET cartons = cartons - :n WHERE product_code = :p AND sales_date = :d")
				.param("n", freed).param("p", code).param("d", order.callDate()).update();
		jdbc.sql("""
				INSERT INTO phone_order_correction (order_id, product_code, from_cartons, to_cartons, reason, corrected_by, corrected_at)
				VALUES (:o, :p, :from, :to, :reason, :by, :at)""")
				.param("o", order.id()).param("p", code).param("from", line.cartons()).param("to", to).param("reason", reason).param("by", user)
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		return order(orderNumber);
	}

	public Order order(String orderNumber) {
		long id = id(orderNumber);
		List<OrderLine> lines = jdbc.sql("""
				SELECT l.product_code, p.name, l.cartons, l.unit_price, l.amount FROM phone_order_line l JOIN product p ON p.code = l.product_code
				WHERE l.order_id = :id ORDER BY l.product_code""")
				.param("id", id)
				.query((rs, n) -> new OrderLine(rs.getString("product_code"), rs.getString("name"), rs.getInt("cartons"), rs.getBigDecimal("unit_price"),
						rs.getBigDecimal("amount")))
				.list();
		List<Correction> corrections = jdbc.sql("""
				SELECT product_code, from_cartons, to_cartons, reason, corrected_by, corrected_at FROM phone_order_correction
				WHERE order_id = :id ORDER BY id""")
				.param("id", id)
				.query((rs, n) -> new Correction(rs.getString("product_code"), rs.getInt("from_cartons"), rs.getInt("to_cartons"), rs.getString("reason"),
						rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toLocalDateTime()))
				.list();
		return jdbc.sql("""
				SELECT o.retailer_code, t.name, o.clerk, o.call_date, o.week_start, o.outcome, o.cartons, o.amount
				FROM phone_order o JOIN retailer t ON t.code = o.retailer_code WHERE o.id = :id""")
				.param("id", id)
				.query((rs, n) -> new Order(Orders.number(id), id, rs.getString("retailer_code"), rs.getString("name"), rs.getString("clerk"),
						rs.getDate("call_date").toLocalDate(), rs.getDate("week_start").toLocalDate(), rs.getString("outcome"), rs.getInt("cartons"),
						rs.getBigDecimal("amount"), lines, corrections))
				.optional()
				.orElseThrow(() -> new BusinessRuleException("找不到訂單「%s」(unknown order)".formatted(orderNumber)));
	}

	/** A retailer's orders of this week, the latest first: what the seat leader looks up to correct. */
	public List<Order> thisWeek(String retailerCode) {
		String code = retailerCode == null ? "" : retailerCode.strip().toUpperCase(Locale.ROOT);
		LocalDate week = OrderWeek.of(LocalDate.now(clock));
		List<Order> orders = new ArrayList<>();
		for (Long id : jdbc.sql("SELECT id FROM phone_order WHERE retailer_code = :r AND week_start = :w AND outcome = 'CONNECTED' ORDER BY id DESC")
				.param("r", code).param("w", week).query(Long.class).list()) {
			orders.add(order(Orders.number(id)));
		}
		return orders;
	}

	private static long id(String orderNumber) {
		String text = orderNumber == null ? "" : orderNumber.strip().toUpperCase(Locale.ROOT);
		if (!text.matches("DH\\d{1,12}")) {
			throw new BusinessRuleException("訂單號「%s」格式不對，例如 DH00000042 (order number)".formatted(com.wholesaler.marketing.catalog.BusinessTime.abbreviated(text)));
		}
		return Long.parseLong(text.substring(2));
	}
}
