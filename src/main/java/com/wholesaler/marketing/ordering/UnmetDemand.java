package com.wholesaler.marketing.ordering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 客戶需求: what was ordered and what was asked beyond a limit or the stock (kept when an order is
 * refused, even though nothing of the order is saved), per product over a period; what the supply
 * manager and the brand-planning head read to adjust supply (定期將客戶需求資訊傳遞至相關部門).
 */
@Service
public class UnmetDemand {

	/** A product's demand over a period: cartons ordered, asked beyond its limits, beyond the stock, and by how many retailers. */
	public record ProductDemand(String productCode, String productName, String brand, long ordered, long beyondLimit, long beyondStock,
			int retailersUnmet) {

		public long unmet() {
			return beyondLimit + beyondStock;
		}

		/** The share of what was asked that could not be given; null when nothing was asked. */
		public Double unmetShare() {
			long asked = ordered + unmet();
			return asked == 0 ? null : unmet() / (double) asked;
		}
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	UnmetDemand(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Keeps what each refused line asked beyond what was left; a clerk trying again the same day keeps
	 * the larger figure, not the sum. A line of the tier's weekly total names no product and is left out.
	 */
	int record(LocalDate day, String retailer, String clerk, List<OrderRefused.RefusedLine> refused) {
		List<Object[]> rows = new ArrayList<>();
		for (OrderRefused.RefusedLine line : refused) {
			if (line.productCode() != null && line.asked() > line.left()) {
				rows.add(new Object[] {line.asked() - line.left(), line.limit() == null ? "STOCK" : "LIMIT", day, retailer, line.productCode()});
			}
		}
		if (rows.isEmpty()) {
			return 0;
		}
		int[] kept = batch.batchUpdate("""
				UPDATE unmet_demand SET cartons = GREATEST(cartons, ?), reason = ?
				WHERE call_date = ? AND retailer_code = ? AND product_code = ?""", rows);
		List<Object[]> first = new ArrayList<>();
		for (int i = 0; i < kept.length; i++) {
			if (kept[i] == 0) {
				Object[] r = rows.get(i);
				first.add(new Object[] {r[2], r[3], r[4], r[1], r[0], clerk});
			}
		}
		if (!first.isEmpty()) {
			batch.batchUpdate("""
					INSERT INTO unmet_demand (call_date, retailer_code, product_code, reason, cartons, recorded_by)
					VALUES (?, ?, ?, ?, ?, ?)""", first);
		}
		return rows.size();
	}

	/** Every product ordered or asked for in the period, the most unmet first. */
	public List<ProductDemand> byProduct(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT p.code, p.name, p.brand, COALESCE(s.ordered, 0) AS ordered, COALESCE(u.limit_cartons, 0) AS beyond_limit,
				       COALESCE(u.stock_cartons, 0) AS beyond_stock, COALESCE(u.retailers, 0) AS retailers
				FROM product p
				LEFT JOIN (SELECT product_code, SUM(cartons) AS ordered FROM daily_sales
				           WHERE sales_date BETWEEN :from AND :to GROUP BY product_code) s ON s.product_code = p.code
				LEFT JOIN (SELECT product_code, SUM(CASE WHEN reason = 'LIMIT' THEN cartons ELSE 0 END) AS limit_cartons,
				                  SUM(CASE WHEN reason = 'STOCK' THEN cartons ELSE 0 END) AS stock_cartons,
				                  COUNT(DISTINCT retailer_code) AS retailers
				           FROM unmet_demand WHERE call_date BETWEEN :from AND :to GROUP BY product_code) u ON u.product_code = p.code
				WHERE s.ordered > 0 OR u.retailers > 0
				ORDER BY COALESCE(u.limit_cartons, 0) + COALESCE(u.stock_cartons, 0) DESC, COALESCE(s.ordered, 0) DESC, p.code""")
				.param("from", from).param("to", to)
				.query((rs, n) -> new ProductDemand(rs.getString("code"), rs.getString("name"), rs.getString("brand"), rs.getLong("ordered"),
						rs.getLong("beyond_limit"), rs.getLong("beyond_stock"), rs.getInt("retailers")))
				.list();
	}
}
