package com.wholesaler.marketing.catalog;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo company once, into an empty catalog, when demo data is on. */
@Component
@Order(10)
@ConditionalOnProperty(name = "marketing.demo-data", havingValue = "true")
class DemoCompanyLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCompanyLoader.class);
	private static final int BATCH = 2_000;

	private final JdbcTemplate jdbc;
	private final Clock clock;

	DemoCompanyLoader(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Long products = jdbc.queryForObject("SELECT COUNT(*) FROM product", Long.class);
		if (products != null && products > 0) {
			return;
		}
		long started = System.nanoTime();
		DemoCompany company = new DemoCompany(LocalDate.now(clock));
		jdbc.batchUpdate("INSERT INTO region (code, name) VALUES (?, ?)", company.regions(), BATCH,
				(ps, r) -> {
					ps.setString(1, r.code());
					ps.setString(2, r.name());
				});
		jdbc.batchUpdate("INSERT INTO manufacturer (code, name, province, service_class) VALUES (?, ?, ?, ?)",
				company.manufacturers(), BATCH, (ps, m) -> {
					ps.setString(1, m.code());
					ps.setString(2, m.name());
					ps.setString(3, m.province());
					ps.setString(4, String.valueOf(m.serviceClass()));
				});
		jdbc.batchUpdate("""
				INSERT INTO product (code, name, brand, manufacturer_code, allocation_price, wholesale_price,
				                     retail_price, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				company.products(), BATCH, (ps, p) -> {
					ps.setString(1, p.code());
					ps.setString(2, p.name());
					ps.setString(3, p.brand());
					ps.setString(4, p.manufacturerCode());
					ps.setBigDecimal(5, p.allocationPrice());
					ps.setBigDecimal(6, p.wholesalePrice());
					ps.setBigDecimal(7, p.retailPrice());
					ps.setString(8, p.status().name());
				});
		// The price database starts with the prices in force since the start of the sales history.
		Date since = Date.valueOf(LocalDate.now(clock).minusDays(DemoCompany.HISTORY_DAYS));
		jdbc.batchUpdate("""
				INSERT INTO product_price (product_code, allocation_price, wholesale_price, retail_price, valid_from)
				VALUES (?, ?, ?, ?, ?)""", company.products(), BATCH, (ps, p) -> {
					ps.setString(1, p.code());
					ps.setBigDecimal(2, p.allocationPrice());
					ps.setBigDecimal(3, p.wholesalePrice());
					ps.setBigDecimal(4, p.retailPrice());
					ps.setDate(5, since);
				});
		jdbc.batchUpdate("INSERT INTO retailer (code, name, region_code, market_type, tier, status) VALUES (?, ?, ?, ?, ?, ?)",
				company.retailers(), BATCH, (ps, r) -> {
					ps.setString(1, r.code());
					ps.setString(2, r.name());
					ps.setString(3, r.regionCode());
					ps.setString(4, r.marketType().name());
					ps.setInt(5, r.tier());
					ps.setString(6, r.status());
				});
		jdbc.batchUpdate("INSERT INTO stock (product_code, on_hand, in_transit, warning_days) VALUES (?, ?, ?, ?)",
				company.stock(), BATCH, (ps, s) -> {
					ps.setString(1, s.productCode());
					ps.setInt(2, s.onHand());
					ps.setInt(3, s.inTransit());
					ps.setInt(4, s.warningDays());
				});
		jdbc.batchUpdate("INSERT INTO daily_sales (product_code, sales_date, cartons) VALUES (?, ?, ?)",
				company.sales(), BATCH, (ps, s) -> {
					ps.setString(1, s.productCode());
					ps.setDate(2, Date.valueOf(s.date()));
					ps.setInt(3, s.cartons());
				});
		jdbc.batchUpdate("INSERT INTO daily_arrivals (product_code, arrival_date, cartons) VALUES (?, ?, ?)",
				company.arrivals(), BATCH, (ps, a) -> {
					ps.setString(1, a.productCode());
					ps.setDate(2, Date.valueOf(a.date()));
					ps.setInt(3, a.cartons());
				});
		log.info("Demo company loaded in {} ms: {} manufacturers, {} products, {} retailers, {} days of sales",
				(System.nanoTime() - started) / 1_000_000, company.manufacturers().size(), company.products().size(),
				company.retailers().size(), DemoCompany.HISTORY_DAYS);
	}
}
