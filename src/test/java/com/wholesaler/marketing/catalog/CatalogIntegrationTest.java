package com.wholesaler.marketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.IntegrationTest;

@IntegrationTest
class CatalogIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	StockWarnings stockWarnings;

	@Test
	void theDemoCompanyIsLoaded() {
		assertThat(catalog.count("manufacturer")).isEqualTo(30);
		assertThat(catalog.count("product")).isEqualTo(DemoCompany.PRODUCTS);
		assertThat(catalog.count("retailer")).isEqualTo(DemoCompany.RETAILERS);
		assertThat(catalog.count("stock")).isEqualTo(DemoCompany.PRODUCTS);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM daily_sales WHERE sales_date < ?", Long.class, LocalDate.now(BusinessTime.ZONE)))
				.as("today's rows come from today's orders").isEqualTo((long) DemoCompany.PRODUCTS * DemoCompany.HISTORY_DAYS);
	}

	@Test
	void retailersAreCountedByRegionAndTier() {
		Catalog.RetailerCounts counts = catalog.activeRetailerCounts();
		assertThat(counts.regions()).hasSize(8);
		int[] perTier = counts.perTier();
		int sum = 0;
		for (int t = 1; t <= 30; t++) {
			assertThat(perTier[t]).as("tier " + t).isPositive();
			sum += perTier[t];
		}
		assertThat(sum).isEqualTo(counts.total()).isLessThanOrEqualTo(DemoCompany.RETAILERS).isGreaterThan(29_000);
	}

	@Test
	void stockWarningListsOnlyProductsUnderTheirLevelShortestFirst() {
		List<ProductStock> warnings = stockWarnings.current();
		assertThat(warnings).isNotEmpty().allMatch(ProductStock::isBelowWarningLevel);
		assertThat(warnings).extracting(ProductStock::coverDays).isSorted();
		long underLevel = catalog.stockPositions().stream().filter(ProductStock::isBelowWarningLevel).count();
		assertThat(warnings).hasSize((int) underLevel);
	}

	@Test
	void findsAProductOrManufacturerByCodeOrName() {
		Product product = catalog.product("P0001").orElseThrow();
		assertThat(catalog.findProduct("p0001")).contains(product);
		assertThat(catalog.findProduct(" " + product.name() + " ")).map(Product::code).contains("P0001");
		assertThat(catalog.findProduct("中華")).as("several products of the brand: none chosen for the user").isEmpty();
		assertThat(catalog.findProduct("不存在")).isEmpty();
		String manufacturer = catalog.manufacturerNames().get("M01");
		assertThat(catalog.findManufacturer("m01")).contains("M01");
		assertThat(catalog.findManufacturer(manufacturer)).contains("M01");
		assertThat(catalog.findManufacturer("")).isEmpty();
	}

	@Test
	void searchesProductsByTextAndPriceClass() {
		PageResult<ProductStock> zhonghua = catalog.searchProducts("中華", null, 0, 50);
		assertThat(zhonghua.items()).isNotEmpty().allMatch(s -> s.product().brand().equals("中華"));

		PageResult<ProductStock> classOne = catalog.searchProducts(null, 1, 0, 500);
		assertThat(classOne.items()).isNotEmpty().allMatch(s -> s.product().priceClass() == PriceClass.CLASS_1);
		assertThat(classOne.total()).isEqualTo(classOne.items().size());

		// the manufacturers page links to its products by the manufacturer's code; part of its name finds them too
		String maker = jdbc.queryForObject("SELECT manufacturer_code FROM product ORDER BY code FETCH FIRST 1 ROWS ONLY", String.class);
		long made = jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE manufacturer_code = ?", Long.class, maker);
		assertThat(catalog.searchProducts(maker, null, 0, 500).items()).hasSize((int) made).allMatch(s -> s.product().manufacturerCode().equals(maker));
		String name = jdbc.queryForObject("SELECT name FROM manufacturer WHERE code = ?", String.class, maker);
		assertThat(catalog.searchProducts(name, null, 0, 500).items()).extracting(s -> s.product().manufacturerCode()).contains(maker);

		PageResult<ProductStock> second = catalog.searchProducts(null, null, 1, 50);
		assertThat(second.items()).hasSize(50);
		assertThat(second.items().get(0).product().code()).isEqualTo("P0051");
		assertThat(second.totalPages()).isEqualTo(8);
	}
}
