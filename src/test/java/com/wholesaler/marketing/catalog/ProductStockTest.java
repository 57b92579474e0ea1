package com.wholesaler.marketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ProductStockTest {

	private static Product product(ProductStatus status) {
		return new Product("P0001", "玉溪(硬)", "玉溪", "M02", new BigDecimal("150.00"), new BigDecimal("204.00"),
				new BigDecimal("230.00"), status);
	}

	@Test
	void coverIsStockOnHandDividedByAverageDailySales() {
		ProductStock stock = new ProductStock(product(ProductStatus.ACTIVE), 300, 50, 7, new BigDecimal("40"));
		assertThat(stock.coverDays()).isEqualByComparingTo("7.5");
		assertThat(stock.isBelowWarningLevel()).isFalse();
	}

	@Test
	void underTheWarningLevelWhenCoverIsShorter() {
		ProductStock stock = new ProductStock(product(ProductStatus.ACTIVE), 279, 0, 7, new BigDecimal("40"));
		assertThat(stock.coverDays()).isEqualByComparingTo("7.0");
		assertThat(stock.isBelowWarningLevel()).isTrue();
	}

	@Test
	void noSalesMeansNoCoverAndNoWarning() {
		ProductStock stock = new ProductStock(product(ProductStatus.ACTIVE), 0, 0, 7, BigDecimal.ZERO);
		assertThat(stock.coverDays()).isNull();
		assertThat(stock.isBelowWarningLevel()).isFalse();
	}

	@Test
	void aDiscontinuedProductRaisesNoWarning() {
		ProductStock stock = new ProductStock(product(ProductStatus.DISCONTINUED), 10, 0, 7, new BigDecimal("40"));
		assertThat(stock.isBelowWarningLevel()).isFalse();
	}
}
