package com.wholesaler.marketing.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 需求 by tier and region: what retailers ordered on the phone (the lines of their orders) and what they
 * asked for beyond a limit or beyond the stock and did not get, over a period, for one product or all.
 */
@Component
public class DemandByTierAndRegion {

	/** One tier, one region or one cell of both. */
	public record Demand(String key, String label, long ordered, BigDecimal amount, long beyondLimit, long beyondStock,
			long retailersOrdering, long retailersActive) {

		public long unmet() {
			return beyondLimit + beyondStock;
		}

		/** The part of what was asked that was given; null when nothing was asked. */
		public Double metShare() {
			long asked = ordered + unmet();
			return asked == 0 ? null : ordered / (double) asked;
		}

		/** Active retailers that ordered at least once. */
		public Double orderingShare() {
			return retailersActive == 0 ? null : retailersOrdering / (double) retailersActive;
		}

		Demand plus(Demand o) {
			return new Demand(key, label, ordered + o.ordered, amount.add(o.amount), beyondLimit + o.beyondLimit,
					beyondStock + o.beyondStock, retailersOrdering + o.retailersOrdering, retailersActive + o.retailersActive);
		}
	}

	public record Report(ReportPeriod period, String productCode, List<Demand> byTier, List<Demand> byRegion,
			List<Demand> cells, Demand total) {
	}

	private final JdbcClient jdbc;

	DemandByTierAndRegion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code productCode} null for all products. */
	public Report of(ReportPeriod period, String productCode) {
		String unmetProduct = productCode == null ? "" : " AND u.product_code = :product";
		Map<String, Demand> cells = new TreeMap<>();
		Map<String, String> regionNames = new TreeMap<>();
		jdbc.sql("SELECT code, name FROM region").query(rs -> {
			regionNames.put(rs.getString("code"), rs.getString("name"));
		});
		jdbc.sql("SELECT tier, region_code, COUNT(*) AS n FROM retailer WHERE status = 'ACTIVE' GROUP BY tier, region_code")
				.query(rs -> {
					add(cells, rs.getInt("tier"), rs.getString("region_code"), regionNames,
							0, BigDecimal.ZERO, 0, 0, 0, rs.getLong("n"));
				});
		// All products: the orders' own totals (kept with every correction), without reading their lines.
		var ordered = productCode == null
				? jdbc.sql("""
						SELECT r.tier, r.region_code, SUM(o.cartons) AS cartons, SUM(o.amount) AS amount,
						       COUNT(DISTINCT o.retailer_code) AS retailers
						FROM phone_order o JOIN retailer r ON r.code = o.retailer_code
						WHERE o.call_date >= :from AND o.call_date <= :to AND o.cartons > 0
						GROUP BY r.tier, r.region_code""")
						.param("from", period.from()).param("to", period.to())
				: jdbc.sql("""
						SELECT r.tier, r.region_code, SUM(l.cartons) AS cartons, SUM(l.amount) AS amount,
						       COUNT(DISTINCT o.retailer_code) AS retailers
						FROM phone_order_line l JOIN phone_order o ON o.id = l.order_id JOIN retailer r ON r.code = o.retailer_code
						WHERE l.product_code = :product AND o.call_date >= :from AND o.call_date <= :to
						GROUP BY r.tier, r.region_code""")
						.param("from", period.from()).param("to", period.to()).param("product", productCode);
		ordered.query(rs -> {
			add(cells, rs.getInt("tier"), rs.getString("region_code"), regionNames,
					rs.getLong("cartons"), rs.getBigDecimal("amount"), 0, 0, rs.getLong("retailers"), 0);
		});
		var unmet = jdbc.sql("""
				SELECT r.tier, r.region_code,
				       SUM(CASE WHEN u.reason = 'LIMIT' THEN u.cartons ELSE 0 END) AS beyond_limit,
				       SUM(CASE WHEN u.reason = 'STOCK' THEN u.cartons ELSE 0 END) AS beyond_stock
				FROM unmet_demand u JOIN retailer r ON r.code = u.retailer_code
				WHERE u.call_date >= :from AND u.call_date <= :to""" + unmetProduct + " GROUP BY r.tier, r.region_code")
				.param("from", period.from()).param("to", period.to());
		if (productCode != null) {
			unmet = unmet.param("product", productCode);
		}
		unmet.query(rs -> {
			add(cells, rs.getInt("tier"), rs.getString("region_code"), regionNames,
					0, BigDecimal.ZERO, rs.getLong("beyond_limit"), rs.getLong("beyond_stock"), 0, 0);
		});
		Map<Integer, Demand> tiers = new TreeMap<>();
		Map<String, Demand> regions = new TreeMap<>();
		Demand total = new Demand("", "合計", 0, BigDecimal.ZERO, 0, 0, 0, 0);
		for (Demand cell : cells.values()) {
			String[] key = cell.key().split("/");
			int tier = Integer.parseInt(key[0]);
			tiers.merge(tier, relabel(cell, String.valueOf(tier), tier + " 檔"), Demand::plus);
			regions.merge(key[1], relabel(cell, key[1], regionNames.getOrDefault(key[1], key[1])), Demand::plus);
			total = total.plus(cell);
		}
		return new Report(period, productCode, new ArrayList<>(tiers.values()), new ArrayList<>(regions.values()),
				new ArrayList<>(cells.values()), total);
	}

	private static void add(Map<String, Demand> cells, int tier, String region, Map<String, String> regionNames, long ordered,
			BigDecimal amount, long beyondLimit, long beyondStock, long ordering, long active) {
		String key = "%02d/%s".formatted(tier, region);
		Demand cell = new Demand(key, tier + " 檔 · " + regionNames.getOrDefault(region, region), ordered,
				amount == null ? BigDecimal.ZERO : amount, beyondLimit, beyondStock, ordering, active);
		cells.merge(key, cell, Demand::plus);
	}

	private static Demand relabel(Demand d, String key, String label) {
		return new Demand(key, label, d.ordered(), d.amount(), d.beyondLimit(), d.beyondStock(), d.retailersOrdering(),
				d.retailersActive());
	}
}
