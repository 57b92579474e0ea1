package com.wholesaler.marketing.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the shared master data: products with their stock, manufacturers, retailers. */
@Repository
public class Catalog {

	/** The sales window the cover and the forecasts use. */
	public static final int SALES_WINDOW_DAYS = 28;
	/** A product on sale that first sold within this many days, or has not sold yet, is 新品. */
	public static final int NEW_PRODUCT_DAYS = 90;

	private static final String STOCK_POSITION_SELECT = """
			SELECT p.code, p.name, p.brand, p.manufacturer_code, p.allocation_price, p.wholesale_price,
			       p.retail_price, p.status, s.on_hand, s.in_transit, s.warning_days,
			       COALESCE(w.sold, 0) AS sold
			FROM product p
			JOIN stock s ON s.product_code = p.code
			LEFT JOIN (SELECT product_code, SUM(cartons) AS sold FROM daily_sales
			           WHERE sales_date >= :from AND sales_date < :to GROUP BY product_code) w
			       ON w.product_code = p.code
			""";

	/**
	 * How long the retailer counts per tier are reused. Tiers are reviewed monthly and retailers are
	 * licensed or suspended a few a day, while a shortage case reads the counts at every step and the
	 * count walks all 30,000 retailers; ten minutes old is recent enough for an allocation.
	 */
	static final long RETAILER_COUNTS_REUSED_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile RetailerCounts retailerCounts;
	private volatile long retailerCountsAt;

	public Catalog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every product with its stock and its average daily sales over the last 28 days. */
	public List<ProductStock> stockPositions() {
		return salesWindow(jdbc.sql(STOCK_POSITION_SELECT + " ORDER BY p.code"))
				.query(this::mapStockPosition).list();
	}

	public Optional<ProductStock> stockPosition(String productCode) {
		return salesWindow(jdbc.sql(STOCK_POSITION_SELECT + " WHERE p.code = :code"))
				.param("code", productCode)
				.query(this::mapStockPosition).optional();
	}

	/**
	 * Products matching a search text (code, name or brand, or the manufacturer by its exact code or part of
	 * its name: the manufacturers page links here with the code) and optionally a price class.
	 */
	public PageResult<ProductStock> searchProducts(String text, Integer priceClass, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (text != null && !text.isBlank()) {
			where.append(" AND (LOWER(p.code) LIKE :text OR p.name LIKE :text OR p.brand LIKE :text OR LOWER(p.manufacturer_code) = :exact"
					+ " OR p.manufacturer_code IN (SELECT m.code FROM manufacturer m WHERE m.name LIKE :text))");
			params.put("text", "%" + text.trim().toLowerCase() + "%");
			params.put("exact", text.trim().toLowerCase());
		}
		if (priceClass != null) {
			PriceClass pc = PriceClass.ofNumber(priceClass);
			where.append(" AND p.allocation_price >= :lower");
			params.put("lower", pc.lowerBound());
			if (pc.upperBound() != null) {
				where.append(" AND p.allocation_price < :upper");
				params.put("upper", pc.upperBound());
			}
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM product p" + where).params(params).query(Long.class).single();
		List<ProductStock> items = salesWindow(jdbc.sql(STOCK_POSITION_SELECT + where
				+ " ORDER BY p.code LIMIT :limit OFFSET :offset"))
				.params(params)
				.param("limit", size)
				.param("offset", page * size)
				.query(this::mapStockPosition).list();
		return new PageResult<>(items, page, size, total);
	}

	/** Sales of the last 14 days against the 14 before, in percent; null without sales before. */
	public BigDecimal salesTrendPercent(String productCode) {
		LocalDate today = LocalDate.now(clock);
		long recent = sold(productCode, today.minusDays(14), today);
		long before = sold(productCode, today.minusDays(SALES_WINDOW_DAYS), today.minusDays(14));
		if (before == 0) {
			return null;
		}
		return BigDecimal.valueOf((recent - before) * 100L).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
	}

	private long sold(String productCode, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT COALESCE(SUM(cartons), 0) FROM daily_sales WHERE product_code = :code AND sales_date >= :from AND sales_date < :to")
				.param("code", productCode).param("from", from).param("to", to).query(Long.class).single();
	}

	/** Good cartons received today go into the day's purchases (daily_arrivals), which the reports read. */
	public void recordArrival(String productCode, int goodCartons) {
		LocalDate today = LocalDate.now(clock);
		int added = jdbc.sql("UPDATE daily_arrivals SET cartons = cartons + :c WHERE product_code = :p AND arrival_date = :d")
				.param("c", goodCartons).param("p", productCode).param("d", today).update();
		if (added == 0) {
			jdbc.sql("INSERT INTO daily_arrivals (product_code, arrival_date, cartons) VALUES (:p, :d, :c)")
					.param("c", goodCartons).param("p", productCode).param("d", today).update();
		}
	}

	/**
	 * A new product enters the catalog (as 新品: it has no sales yet) with its prices in force from today, no
	 * stock, and its first order (when it has one) waiting for the next purchase plan; {@code source} is the
	 * case that brought it, kept with its first prices. Returns its code, the next P-number.
	 */
	public String introduce(String name, String brand, String manufacturerCode, java.math.BigDecimal allocation, java.math.BigDecimal wholesale,
			java.math.BigDecimal retail, int firstOrderCartons, String source) {
		int last = jdbc.sql("SELECT code FROM product").query(String.class).list().stream().filter(c -> c.matches("P\\d{4}"))
				.mapToInt(c -> Integer.parseInt(c.substring(1))).max().orElse(0);
		String code = "P%04d".formatted(last + 1);
		jdbc.sql("""
				INSERT INTO product (code, name, brand, manufacturer_code, allocation_price, wholesale_price, retail_price, status)
				VALUES (:c, :n, :b, :m, :a, :w, :r, 'ACTIVE')""")
				.param("c", code).param("n", name).param("b", brand).param("m", manufacturerCode).param("a", allocation).param("w", wholesale)
				.param("r", retail).update();
		jdbc.sql("INSERT INTO stock (product_code, on_hand, in_transit, warning_days) VALUES (:c, 0, 0, 7)").param("c", code).update();
		jdbc.sql("""
				INSERT INTO product_price (product_code, allocation_price, wholesale_price, retail_price, valid_from, proposal_number)
				VALUES (:c, :a, :w, :r, :d, :s)""")
				.param("c", code).param("a", allocation).param("w", wholesale).param("r", retail).param("d", LocalDate.now(clock))
				.param("s", source).update();
		if (firstOrderCartons > 0) {
			jdbc.sql("INSERT INTO product_first_order (product_code, cartons, source) VALUES (:c, :n, :s)").param("c", code)
					.param("n", firstOrderCartons).param("s", source).update();
		}
		return code;
	}

	/** The products on sale that are 新品: never sold, or first sold within the last 90 days. */
	public java.util.Set<String> newProductCodes() {
		return new java.util.HashSet<>(jdbc.sql("""
				SELECT p.code FROM product p LEFT JOIN (SELECT product_code, MIN(sales_date) AS first_sale FROM daily_sales WHERE cartons > 0
				                                        GROUP BY product_code) f ON f.product_code = p.code
				WHERE p.status = 'ACTIVE' AND (f.first_sale IS NULL OR f.first_sale > :since)""")
				.param("since", LocalDate.now(clock).minusDays(NEW_PRODUCT_DAYS)).query(String.class).list());
	}

	/** New products' first orders no purchase plan has taken up yet: cartons by product. */
	public Map<String, Integer> pendingFirstOrders() {
		Map<String, Integer> orders = new java.util.HashMap<>();
		jdbc.sql("SELECT product_code, cartons FROM product_first_order WHERE planned_in IS NULL").query(rs -> {
			orders.put(rs.getString("product_code"), rs.getInt("cartons"));
		});
		return orders;
	}

	/** A purchase plan took up a new product's first order. */
	public void firstOrderPlanned(String productCode, String planNumber) {
		jdbc.sql("UPDATE product_first_order SET planned_in = :p WHERE product_code = :c AND planned_in IS NULL").param("p", planNumber)
				.param("c", productCode).update();
	}

	public Optional<Product> product(String code) {
		return jdbc.sql("SELECT * FROM product WHERE code = :code").param("code", code)
				.query(this::mapProduct).optional();
	}

	/**
	 * The product a user means by a code or a name: the code (any case), else the product of that exact
	 * name, else the one product whose name or brand contains the text. Empty when none or several match.
	 */
	public Optional<Product> findProduct(String codeOrName) {
		String text = codeOrName == null ? "" : codeOrName.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		Optional<Product> byCode = product(text.toUpperCase());
		if (byCode.isPresent()) {
			return byCode;
		}
		List<Product> named = named(text);
		if (named.size() == 1) {
			return Optional.of(named.get(0));
		}
		List<Product> containing = jdbc.sql("SELECT * FROM product WHERE name LIKE :like OR brand LIKE :like FETCH FIRST 2 ROWS ONLY")
				.param("like", "%" + text + "%").query(this::mapProduct).list();
		return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
	}

	/** Every product on sale by code, with its name: the choices a page offers when a product is asked for. */
	public Map<String, String> productNames() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name FROM product WHERE status = 'ACTIVE' ORDER BY code")
				.query((rs, n) -> names.put(rs.getString("code"), rs.getString("name"))).list();
		return names;
	}

	/** These products by code, in one query; an unknown code is left out. */
	public Map<String, Product> products(java.util.Collection<String> codes) {
		Map<String, Product> found = new LinkedHashMap<>();
		if (!codes.isEmpty()) {
			jdbc.sql("SELECT * FROM product WHERE code IN (:codes)").param("codes", codes).query(this::mapProduct).list()
					.forEach(p -> found.put(p.code(), p));
		}
		return found;
	}

	/** A manufacturer's products on sale, by code: what a contract with it can buy. */
	public List<Product> productsOf(String manufacturerCode) {
		return jdbc.sql("SELECT * FROM product WHERE manufacturer_code = :m AND status = 'ACTIVE' ORDER BY code").param("m", manufacturerCode)
				.query(this::mapProduct).list();
	}

	public List<ManufacturerSummary> manufacturers() {
		return jdbc.sql("""
				SELECT m.code, m.name, m.province, m.service_class,
				       COUNT(p.code) AS products,
				       SUM(CASE WHEN p.status = 'ACTIVE' THEN 1 ELSE 0 END) AS active_products
				FROM manufacturer m LEFT JOIN product p ON p.manufacturer_code = m.code
				GROUP BY m.code, m.name, m.province, m.service_class
				ORDER BY m.code
				""")
				.query((rs, i) -> new ManufacturerSummary(
						new Manufacturer(rs.getString("code"), rs.getString("name"), rs.getString("province"),
								rs.getString("service_class").charAt(0)),
						rs.getInt("products"), rs.getInt("active_products")))
				.list();
	}

	/** The catalog's product of exactly this name, if it has one: a new product may not take a name already in use. */
	public Optional<Product> productNamed(String name) {
		return named(name).stream().findFirst();
	}

	private List<Product> named(String name) {
		return jdbc.sql("SELECT * FROM product WHERE name = :text").param("text", name).query(this::mapProduct).list();
	}

	/** The manufacturer a user means by a code or a name: the code, else that exact name, else the one whose name contains the text. */
	public Optional<String> findManufacturer(String codeOrName) {
		String text = codeOrName == null ? "" : codeOrName.strip();
		if (text.isEmpty()) {
			return Optional.empty();
		}
		if (manufacturerExists(text.toUpperCase())) {
			return Optional.of(text.toUpperCase());
		}
		List<String> named = jdbc.sql("SELECT code FROM manufacturer WHERE name = :text").param("text", text).query(String.class).list();
		if (named.size() == 1) {
			return Optional.of(named.get(0));
		}
		List<String> containing = jdbc.sql("SELECT code FROM manufacturer WHERE name LIKE :like FETCH FIRST 2 ROWS ONLY")
				.param("like", "%" + text + "%").query(String.class).list();
		return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
	}

	public boolean manufacturerExists(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM manufacturer WHERE code = :code").param("code", code).query(Integer.class).single() > 0;
	}

	public Map<String, String> manufacturerNames() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name FROM manufacturer ORDER BY code")
				.query((RowCallbackHandler) rs -> names.put(rs.getString("code"), rs.getString("name")));
		return names;
	}

	public List<Region> regions() {
		return jdbc.sql("SELECT code, name FROM region ORDER BY code")
				.query((rs, i) -> new Region(rs.getString("code"), rs.getString("name"))).list();
	}

	/** Active retailers counted by region and tier: the n[t] the allocation by tier works with. */
	public RetailerCounts activeRetailerCounts() {
		RetailerCounts recent = retailerCounts;
		if (recent != null && System.nanoTime() - retailerCountsAt < RETAILER_COUNTS_REUSED_NANOS) {
			return recent;
		}
		RetailerCounts counts = countActiveRetailers();
		retailerCountsAt = System.nanoTime();
		retailerCounts = counts;
		return counts;
	}

	private RetailerCounts countActiveRetailers() {
		RetailerCounts counts = new RetailerCounts(regions());
		jdbc.sql("""
				SELECT region_code, tier, COUNT(*) AS retailers FROM retailer
				WHERE status = 'ACTIVE' GROUP BY region_code, tier
				""")
				.query((RowCallbackHandler) rs -> {
					counts.add(rs.getString("region_code"), rs.getInt("tier"), rs.getInt("retailers"));
				});
		return counts;
	}

	public PageResult<Retailer> searchRetailers(String regionCode, Integer tier, String text, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (regionCode != null && !regionCode.isBlank()) {
			where.append(" AND region_code = :region");
			params.put("region", regionCode);
		}
		if (tier != null) {
			where.append(" AND tier = :tier");
			params.put("tier", tier);
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND (LOWER(code) LIKE :text OR name LIKE :text)");
			params.put("text", "%" + text.trim().toLowerCase() + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM retailer" + where).params(params).query(Long.class).single();
		List<Retailer> items = jdbc.sql("SELECT * FROM retailer" + where + " ORDER BY code LIMIT :limit OFFSET :offset")
				.params(params).param("limit", size).param("offset", page * size)
				.query((rs, i) -> new Retailer(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
						MarketType.valueOf(rs.getString("market_type")), rs.getInt("tier"), rs.getString("status")))
				.list();
		return new PageResult<>(items, page, size, total);
	}

	public long count(String table) {
		if (!List.of("product", "manufacturer", "retailer", "stock", "daily_sales", "region").contains(table)) {
			throw new IllegalArgumentException("not a catalog table: " + table);
		}
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private JdbcClient.StatementSpec salesWindow(JdbcClient.StatementSpec spec) {
		LocalDate today = LocalDate.now(clock);
		return spec.param("from", today.minusDays(SALES_WINDOW_DAYS)).param("to", today);
	}

	private ProductStock mapStockPosition(ResultSet rs, int row) throws SQLException {
		BigDecimal average = BigDecimal.valueOf(rs.getLong("sold"))
				.divide(BigDecimal.valueOf(SALES_WINDOW_DAYS), 4, RoundingMode.HALF_UP);
		return new ProductStock(mapProduct(rs, row), rs.getInt("on_hand"), rs.getInt("in_transit"),
				rs.getInt("warning_days"), average);
	}

	private Product mapProduct(ResultSet rs, int row) throws SQLException {
		return new Product(rs.getString("code"), rs.getString("name"), rs.getString("brand"),
				rs.getString("manufacturer_code"), rs.getBigDecimal("allocation_price"),
				rs.getBigDecimal("wholesale_price"), rs.getBigDecimal("retail_price"),
				ProductStatus.valueOf(rs.getString("status")));
	}

	/** Retailer numbers per region and tier, with totals for display. */
	public static final class RetailerCounts {

		private final List<Region> regions;
		private final Map<String, int[]> byRegion = new LinkedHashMap<>();

		RetailerCounts(List<Region> regions) {
			this.regions = regions;
			regions.forEach(r -> byRegion.put(r.code(), new int[Retailer.HIGHEST_TIER + 1]));
		}

		void add(String regionCode, int tier, int retailers) {
			byRegion.computeIfAbsent(regionCode, k -> new int[Retailer.HIGHEST_TIER + 1])[tier] += retailers;
		}

		public List<Region> regions() {
			return regions;
		}

		public int count(String regionCode, int tier) {
			int[] tiers = byRegion.get(regionCode);
			return tiers == null ? 0 : tiers[tier];
		}

		public int tierTotal(int tier) {
			return byRegion.values().stream().mapToInt(t -> t[tier]).sum();
		}

		public int regionTotal(String regionCode) {
			int[] tiers = byRegion.get(regionCode);
			return tiers == null ? 0 : java.util.Arrays.stream(tiers).sum();
		}

		public int total() {
			return byRegion.values().stream().flatMapToInt(java.util.Arrays::stream).sum();
		}

		/** n[t]: active retailers per tier over all regions, index 1..30. */
		public int[] perTier() {
			int[] perTier = new int[Retailer.HIGHEST_TIER + 1];
			for (int t = Retailer.LOWEST_TIER; t <= Retailer.HIGHEST_TIER; t++) {
				perTier[t] = tierTotal(t);
			}
			return perTier;
		}

		public List<Integer> tiers() {
			List<Integer> tiers = new ArrayList<>();
			for (int t = Retailer.HIGHEST_TIER; t >= Retailer.LOWEST_TIER; t--) {
				tiers.add(t);
			}
			return tiers;
		}
	}
}
