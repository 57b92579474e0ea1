package com.wholesaler.marketing.brands;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.identity.Role;

/**
 * 品牌檔案 (「建立品牌檔案，為品牌培育提供支援」, 「組織品牌的市場調研、評價、維護」): a brand's products and
 * price classes, its weekly sales against the same weeks a year before, how many retailers order it (by
 * tier and region), and the brand manager's evaluations.
 */
@Service
public class BrandFiles {

	/** The weeks of the sales curve; the weeks a retailer counts as ordering the brand. */
	static final int CURVE_WEEKS = 26;
	static final int COVERAGE_WEEKS = 4;

	public record Product(String code, String name, String manufacturer, PriceClass priceClass, BigDecimal wholesalePrice,
			BigDecimal retailPrice, boolean active) {
	}

	public record Week(LocalDate start, long cartons, long lastYear) {
	}

	/** A tier or region: retailers that ordered the brand in the last four weeks, of its active retailers. */
	public record Coverage(String key, String name, long ordering, long active) {

		public Double share() {
			return active == 0 ? null : ordering / (double) active;
		}
	}

	public record Evaluation(String kind, LocalDate on, int quality, int price, int packaging, int acceptance, String note, String by) {

		public String kindName() {
			return "RESEARCH".equals(kind) ? "市場調研" : "品牌評價";
		}

		public double average() {
			return (quality + price + packaging + acceptance) / 4.0;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	BrandFiles(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The brand's products; refused when the catalog has no such brand. */
	public List<Product> products(String brand) {
		List<Product> products = jdbc.sql("""
				SELECT p.code, p.name, m.name AS manufacturer, p.allocation_price, p.wholesale_price, p.retail_price, p.status
				FROM product p JOIN manufacturer m ON m.code = p.manufacturer_code WHERE p.brand = :b ORDER BY p.allocation_price DESC, p.code""")
				.param("b", brand == null ? "" : brand.strip())
				.query((rs, i) -> new Product(rs.getString("code"), rs.getString("name"), rs.getString("manufacturer"),
						PriceClass.of(rs.getBigDecimal("allocation_price")), rs.getBigDecimal("wholesale_price"), rs.getBigDecimal("retail_price"),
						"ACTIVE".equals(rs.getString("status"))))
				.list();
		if (products.isEmpty()) {
			throw new BusinessRuleException("沒有「%s」這個品牌 (unknown brand)".formatted(BusinessTime.abbreviated(String.valueOf(brand))));
		}
		return products;
	}

	/** The last 26 weeks (from Monday), each with the same week a year before (52 weeks earlier). */
	public List<Week> weeklySales(String brand) {
		LocalDate thisWeek = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisWeek.minusWeeks(CURVE_WEEKS - 1);
		LocalDate firstLastYear = first.minusWeeks(52);
		long[] now = new long[CURVE_WEEKS];
		long[] before = new long[CURVE_WEEKS];
		jdbc.sql("""
				SELECT d.sales_date, SUM(d.cartons) AS cartons FROM daily_sales d JOIN product p ON p.code = d.product_code
				WHERE p.brand = :b AND ((d.sales_date >= :from) OR (d.sales_date >= :lyFrom AND d.sales_date < :lyTo))
				GROUP BY d.sales_date""")
				.param("b", brand).param("from", first).param("lyFrom", firstLastYear).param("lyTo", firstLastYear.plusWeeks(CURVE_WEEKS))
				.query(rs -> {
					LocalDate day = rs.getDate("sales_date").toLocalDate();
					if (!day.isBefore(first)) {
						int w = (int) (ChronoUnit.DAYS.between(first, day) / 7);
						if (w < CURVE_WEEKS) {
							now[w] += rs.getLong("cartons");
						}
					}
					else {
						before[(int) (ChronoUnit.DAYS.between(firstLastYear, day) / 7)] += rs.getLong("cartons");
					}
				});
		List<Week> weeks = new ArrayList<>();
		for (int w = 0; w < CURVE_WEEKS; w++) {
			weeks.add(new Week(first.plusWeeks(w), now[w], before[w]));
		}
		return weeks;
	}

	/** Retailers that ordered the brand in the last four weeks, by tier and by region, of the active retailers. */
	public Map<String, List<Coverage>> coverage(String brand) {
		LocalDate since = LocalDate.now(clock).minusWeeks(COVERAGE_WEEKS);
		Map<String, long[]> tiers = new TreeMap<>();
		Map<String, long[]> regions = new TreeMap<>();
		Map<String, String> regionNames = new TreeMap<>();
		jdbc.sql("SELECT code, name FROM region").query(rs -> {
			regionNames.put(rs.getString("code"), rs.getString("name"));
		});
		jdbc.sql("SELECT tier, region_code, COUNT(*) AS n FROM retailer WHERE status = 'ACTIVE' GROUP BY tier, region_code").query(rs -> {
			tiers.computeIfAbsent("%02d".formatted(rs.getInt("tier")), k -> new long[2])[1] += rs.getLong("n");
			regions.computeIfAbsent(rs.getString("region_code"), k -> new long[2])[1] += rs.getLong("n");
		});
		jdbc.sql("""
				SELECT r.tier, r.region_code, COUNT(DISTINCT o.retailer_code) AS n
				FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id JOIN product p ON p.code = l.product_code
				JOIN retailer r ON r.code = o.retailer_code
				WHERE p.brand = :b AND o.call_date >= :since AND r.status = 'ACTIVE' GROUP BY r.tier, r.region_code""")
				.param("b", brand).param("since", since)
				.query(rs -> {
					tiers.computeIfAbsent("%02d".formatted(rs.getInt("tier")), k -> new long[2])[0] += rs.getLong("n");
					regions.computeIfAbsent(rs.getString("region_code"), k -> new long[2])[0] += rs.getLong("n");
				});
		List<Coverage> byTier = new ArrayList<>();
		tiers.forEach((k, v) -> byTier.add(new Coverage(k, Integer.parseInt(k) + " 檔", v[0], v[1])));
		List<Coverage> byRegion = new ArrayList<>();
		regions.forEach((k, v) -> byRegion.add(new Coverage(k, regionNames.getOrDefault(k, k), v[0], v[1])));
		return Map.of("tiers", byTier, "regions", byRegion);
	}

	public List<Evaluation> evaluations(String brand) {
		return jdbc.sql("SELECT * FROM brand_evaluation WHERE brand = :b ORDER BY evaluated_on DESC, id DESC").param("b", brand)
				.query((rs, i) -> new Evaluation(rs.getString("kind"), rs.getDate("evaluated_on").toLocalDate(), rs.getInt("quality"),
						rs.getInt("price"), rs.getInt("packaging"), rs.getInt("acceptance"), rs.getString("note"), rs.getString("recorded_by")))
				.list();
	}

	/** The brand manager records research or an evaluation: four scores of 1–5 and a note, on a day not ahead. */
	public void evaluate(String brand, String by, Set<String> groups, String kind, String day, Map<String, String> scores, String note) {
		if (!groups.contains(Role.BRAND_MANAGER.groupId())) {
			throw new ActionForbidden("品牌評價由品牌管理員記錄 (only the brand manager records evaluations)");
		}
		products(brand);
		String k = kind == null ? "" : kind.strip();
		if (!k.equals("RESEARCH") && !k.equals("EVALUATION")) {
			throw new BusinessRuleException("請選擇市場調研或品牌評價 (kind)");
		}
		LocalDate on = BusinessTime.day(day, LocalDate.now(clock));
		if (on.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("日期 %s 還沒到 (date in the future)".formatted(on));
		}
		List<String> errors = new ArrayList<>();
		Map<String, Integer> values = new TreeMap<>();
		for (String[] s : new String[][] {{"quality", "品質"}, {"price", "價格"}, {"packaging", "包裝"}, {"acceptance", "市場接受度"}}) {
			String text = scores.get(s[0]) == null ? "" : scores.get(s[0]).strip();
			if (!text.matches("[1-5]")) {
				errors.add("%s的評分應為 1 至 5".formatted(s[1]));
			}
			else {
				values.put(s[0], Integer.valueOf(text));
			}
		}
		String n = note == null ? "" : note.strip();
		if (n.isEmpty()) {
			errors.add("請寫明調研或評價的內容");
		}
		if (n.length() > 1000) {
			errors.add("內容最多 1000 字");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + " (nothing saved)");
		}
		jdbc.sql("""
				INSERT INTO brand_evaluation (brand, kind, evaluated_on, quality, price, packaging, acceptance, note, recorded_by, recorded_at)
				VALUES (:b, :k, :d, :q, :p, :pk, :a, :n, :by, :at)""")
				.param("b", brand.strip()).param("k", k).param("d", on).param("q", values.get("quality")).param("p", values.get("price"))
				.param("pk", values.get("packaging")).param("a", values.get("acceptance")).param("n", n).param("by", by)
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
	}
}
