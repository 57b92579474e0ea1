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
		assertThat(company.sales()).hasSize(DemoCompany.PRODUCTS * DemoCompany.HISTORY_DAYS);
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
				.contains(TODAY.minusDays(DemoCompany.HISTORY_DAYS));
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

	@Test
	void theStockRebuiltFromArrivalsAndSalesNeverGoesBelowZeroAndIsReplenished() {
		DemoCompany company = new DemoCompany(TODAY);
		Map<String, Map<LocalDate, Integer>> sold = company.sales().stream().collect(Collectors.groupingBy(
				DemoCompany.SalesRow::productCode, Collectors.toMap(DemoCompany.SalesRow::date, DemoCompany.SalesRow::cartons)));
		Map<String, Map<LocalDate, Integer>> arrived = company.arrivals().stream().collect(Collectors.groupingBy(
				DemoCompany.ArrivalRow::productCode, Collectors.toMap(DemoCompany.ArrivalRow::date, DemoCompany.ArrivalRow::cartons)));
		for (DemoCompany.StockRow s : company.stock()) {
			int endOfDay = s.onHand();
			for (int d = 1; d <= DemoCompany.HISTORY_DAYS; d++) {
				LocalDate day = TODAY.minusDays(d);
				endOfDay = endOfDay + sold.get(s.productCode()).getOrDefault(day, 0)
						- arrived.getOrDefault(s.productCode(), Map.of()).getOrDefault(day, 0);
				assertThat(endOfDay).as("%s at the start of %s", s.productCode(), day).isNotNegative();
			}
		}
		long selling = company.products().stream().filter(Product::isActive).count();
		assertThat(arrived).as("every product on sale is delivered again in the year").hasSize((int) selling);
	}
}
