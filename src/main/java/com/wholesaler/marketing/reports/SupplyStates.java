package com.wholesaler.marketing.reports;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The supply state of every product on sale today. */
@Component
public class SupplyStates {

	private final JdbcClient jdbc;
	private final Assortment assortment;

	SupplyStates(JdbcClient jdbc, Assortment assortment) {
		this.jdbc = jdbc;
		this.assortment = assortment;
	}

	/** Tight first, then new, balanced, fully met; within a state the most unmet first. */
	public List<ProductSupply> today(LocalDate today) {
		Map<String, Assortment.Item> items = assortment.items();
		LocalDate windowStart = today.minusDays(SupplyState.DEMAND_DAYS);
		return jdbc.sql("""
				SELECT p.code, COALESCE(s.on_hand - s.reserved, 0) AS stock, COALESCE(s.warning_days, 7) AS warning_days,
				       COALESCE(ds.ordered, 0) AS ordered, ds.first_sale, COALESCE(u.unmet, 0) AS unmet,
				       CASE WHEN l.product_code IS NULL THEN 0 ELSE 1 END AS limited
				FROM product p
				LEFT JOIN stock s ON s.product_code = p.code
				LEFT JOIN (SELECT product_code, MIN(sales_date) AS first_sale,
				                  SUM(CASE WHEN sales_date >= :since AND sales_date < :today THEN cartons ELSE 0 END) AS ordered
				           FROM daily_sales WHERE cartons > 0 GROUP BY product_code) ds ON ds.product_code = p.code
				LEFT JOIN (SELECT product_code, SUM(cartons) AS unmet FROM unmet_demand
				           WHERE call_date >= :since AND call_date < :today GROUP BY product_code) u ON u.product_code = p.code
				LEFT JOIN (SELECT DISTINCT product_code FROM allocation_limit
				           WHERE valid_from <= :today AND valid_to >= :today AND ended_at IS NULL) l ON l.product_code = p.code
				WHERE p.status = 'ACTIVE'""")
				.param("since", windowStart).param("today", today)
				.query((rs, i) -> {
					Assortment.Item item = items.get(rs.getString("code"));
					java.sql.Date first = rs.getDate("first_sale");
					return new ProductSupply(item.code(), item.name(), item.brand(), item.priceClass().chineseName(),
							rs.getLong("stock"), rs.getInt("warning_days"), rs.getLong("ordered"), rs.getLong("unmet"),
							rs.getInt("limited") == 1, first == null ? null : first.toLocalDate(), today);
				})
				.list().stream()
				.sorted(Comparator.comparing((ProductSupply p) -> order(p.state())).thenComparing(ProductSupply::unmetShare, Comparator.reverseOrder())
						.thenComparing(ProductSupply::code))
				.toList();
	}

	/** The state a page's field names by its enum name; refused when there is none such. */
	static SupplyState named(String name) {
		for (SupplyState s : SupplyState.values()) {
			if (s.name().equals(name.strip())) {
				return s;
			}
		}
		throw new com.wholesaler.marketing.approval.BusinessRuleException(
				"沒有「%s」這種貨源狀態 (supply state)".formatted(com.wholesaler.marketing.catalog.BusinessTime.abbreviated(name)));
	}

	private static int order(SupplyState state) {
		return switch (state) {
			case TIGHT -> 0;
			case NEW -> 1;
			case BALANCED -> 2;
			case FULLY_MET -> 3;
		};
	}
}
