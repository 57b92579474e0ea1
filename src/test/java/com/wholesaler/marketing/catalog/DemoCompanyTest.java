package com.wholesaler.marketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DemoCompanyTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void theSameSeedMakesTheSameCompany() {
		DemoCompany first = new DemoCompany(TODAY);
		DemoCompany second = new DemoCompany(TODAY);
		assertThat(second.products()).isEqualTo(first.products());
		assertThat(second.retailers()).isEqualTo(first.retailers());
		assertThat(second.stock()).isEqualTo(first.stock());
		assertThat(second.sales()).isEqualTo(first.sales());
	}

	@Test
	void hasTheSizeOfACityCompany() {
		DemoCompany company = new DemoCompany(TODAY);
		assertThat(company.manufacturers()).hasSize(30);
		assertThat(company.products()).hasSize(DemoCompany.PRODUCTS);
		assertThat(company.retailers()).hasSize(DemoCompany.RETAILERS);
		assertThat(company.regions()).hasSize(8);
		assertThat(company.sales()).hasSize(DemoCompany.PRODUCTS * DemoCompany.SALES_DAYS);
		assertThat(company.retailers().stream().map(Retailer::tier).collect(Collectors.toSet()))
				.as("every tier from 1 to 30 has retailers").hasSize(30);
		Set<String> withProducts = company.products().stream().map(Product::manufacturerCode).collect(Collectors.toSet());
		assertThat(withProducts).as("every manufacturer supplies something").hasSize(30);
	}

	@Test
	void pricesAreConsistentAndSpreadOverAllClasses() {
		DemoCompany company = new DemoCompany(TODAY);
		for (Product p : company.products()) {
			assertThat(p.retailPrice()).as(p.code() + " retail ≥ wholesale × 1.10")
					.isGreaterThanOrEqualTo(p.wholesalePrice().multiply(new BigDecimal("1.10")));
			assertThat(p.wholesalePrice()).isGreaterThan(p.allocationPrice());
			assertThat(p.allocationPrice().scale()).isEqualTo(2);
		}
		Map<PriceClass, Long> perClass = company.products().stream()
				.collect(Collectors.groupingBy(Product::priceClass, Collectors.counting()));
		assertThat(perClass).containsKeys(PriceClass.values());
	}

	@Test
	void salesEndYesterdayAndSomeProductsAreShort() {
		DemoCompany company = new DemoCompany(TODAY);
		assertThat(company.sales().stream().map(DemoCompany.SalesRow::date).max(LocalDate::compareTo))
				.contains(TODAY.minusDays(1));
		assertThat(company.sales().stream().map(DemoCompany.SalesRow::date).min(LocalDate::compareTo))
				.contains(TODAY.minusDays(DemoCompany.SALES_DAYS));
		Map<String, Product> products = company.products().stream()
				.collect(Collectors.toMap(Product::code, Function.identity()));
		long shortProducts = company.stock().stream()
				.filter(s -> products.get(s.productCode()).isActive())
				.filter(s -> {
					int sold = company.sales().stream()
							.filter(r -> r.productCode().equals(s.productCode()) && !r.date().isBefore(TODAY.minusDays(28)))
							.mapToInt(DemoCompany.SalesRow::cartons).sum();
					return sold > 0 && s.onHand() * 28.0 / sold < s.warningDays();
				})
				.count();
		assertThat(shortProducts).as("a demo needs products under the warning level, but not most")
				.isBetween(10L, 80L);
	}
}
