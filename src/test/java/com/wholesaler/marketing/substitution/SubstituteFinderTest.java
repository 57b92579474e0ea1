package com.wholesaler.marketing.substitution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStatus;
import com.wholesaler.marketing.catalog.ProductStock;

class SubstituteFinderTest {

	private static ProductStock stock(String code, String brand, String manufacturer, String allocation, String retail,
			ProductStatus status, int onHand, String daily) {
		Product p = new Product(code, brand + code, brand, manufacturer, new BigDecimal(allocation),
				new BigDecimal(retail).divide(new BigDecimal("1.12"), 2, java.math.RoundingMode.HALF_UP), new BigDecimal(retail), status);
		return new ProductStock(p, onHand, 0, 7, new BigDecimal(daily));
	}

	private static final ProductStock SHORT = stock("P0001", "玉溪", "M02", "150.00", "230.00", ProductStatus.ACTIVE, 20, "10");

	@Test
	void rankedBySameBrandThenSameManufacturerThenClosestPrice() {
		List<ProductStock> all = List.of(SHORT,
				stock("P0002", "雲煙", "M03", "150.00", "231.00", ProductStatus.ACTIVE, 1000, "10"),
				stock("P0003", "紅塔山", "M02", "150.00", "250.00", ProductStatus.ACTIVE, 1000, "10"),
				stock("P0004", "玉溪", "M02", "150.00", "260.00", ProductStatus.ACTIVE, 1000, "10"),
				stock("P0005", "雲煙", "M03", "150.00", "235.00", ProductStatus.ACTIVE, 1000, "10"));
		assertThat(SubstituteFinder.substitutesFor(SHORT, all)).extracting(s -> s.product().code())
				.containsExactly("P0004", "P0003", "P0002", "P0005");
	}

	@Test
	void leavesOutOtherClassesFarPricesDiscontinuedAndShortOnes() {
		List<ProductStock> all = List.of(SHORT,
				stock("P0010", "雲煙", "M03", "90.00", "230.00", ProductStatus.ACTIVE, 1000, "10"),
				stock("P0011", "雲煙", "M03", "150.00", "270.00", ProductStatus.ACTIVE, 1000, "10"),
				stock("P0012", "雲煙", "M03", "150.00", "230.00", ProductStatus.DISCONTINUED, 1000, "10"),
				stock("P0013", "雲煙", "M03", "150.00", "230.00", ProductStatus.ACTIVE, 100, "10"));
		assertThat(SubstituteFinder.substitutesFor(SHORT, all))
				.as("other class, more than 15 % dearer, discontinued, cover under 7 days with the extra demand").isEmpty();
	}

	@Test
	void atMostFive() {
		List<ProductStock> all = new ArrayList<>(List.of(SHORT));
		for (int i = 0; i < 8; i++) {
			all.add(stock("P01%02d".formatted(i), "雲煙", "M03", "150.00", "230.00", ProductStatus.ACTIVE, 1000, "10"));
		}
		assertThat(SubstituteFinder.substitutesFor(SHORT, all)).hasSize(SubstituteFinder.MAX_SUBSTITUTES);
	}

	@Test
	void nothingToSubstituteIsAnEmptyList() {
		assertThat(SubstituteFinder.substitutesFor(SHORT, List.of(SHORT))).isEmpty();
	}
}
