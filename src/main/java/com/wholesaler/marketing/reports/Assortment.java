package com.wholesaler.marketing.reports;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.catalog.PriceClass;

/** The products as the reports group them: by product, brand, manufacturer or price class. */
@Component
class Assortment {

	record Item(String code, String name, String brand, String manufacturerCode, String manufacturerName,
			PriceClass priceClass, BigDecimal wholesalePrice, boolean active) {

		String key(Grouping grouping) {
			return switch (grouping) {
				case PRODUCT -> code;
				case BRAND -> brand;
				case MANUFACTURER -> manufacturerCode;
				case PRICE_CLASS -> String.valueOf(priceClass.number());
			};
		}

		String label(Grouping grouping) {
			return switch (grouping) {
				case PRODUCT -> code + " " + name;
				case BRAND -> brand;
				case MANUFACTURER -> manufacturerName;
				case PRICE_CLASS -> priceClass.chineseName();
			};
		}
	}

	private final JdbcClient jdbc;

	Assortment(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every product by code, in code order. */
	Map<String, Item> items() {
		Map<String, Item> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.code, p.name, p.brand, p.manufacturer_code, m.name AS manufacturer_name, p.allocation_price,
				       p.wholesale_price, p.status
				FROM product p JOIN manufacturer m ON m.code = p.manufacturer_code ORDER BY p.code""")
				.query((rs, i) -> new Item(rs.getString("code"), rs.getString("name"), rs.getString("brand"),
						rs.getString("manufacturer_code"), rs.getString("manufacturer_name"),
						PriceClass.of(rs.getBigDecimal("allocation_price")), rs.getBigDecimal("wholesale_price"),
						"ACTIVE".equals(rs.getString("status"))))
				.list().forEach(item -> items.put(item.code(), item));
		return items;
	}
}
