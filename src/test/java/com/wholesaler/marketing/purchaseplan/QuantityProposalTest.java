package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStatus;
import com.wholesaler.marketing.catalog.ProductStock;

class QuantityProposalTest {

	private static ProductStock stock(ProductStatus status, int onHand, int inTransit, String daily) {
		Product product = new Product("P0001", "玉溪(硬)", "玉溪", "M02", new BigDecimal("170.59"),
				new BigDecimal("232.00"), new BigDecimal("260.00"), status);
		return new ProductStock(product, onHand, inTransit, 7, daily == null ? null : new BigDecimal(daily));
	}

	@Test
	void salesOfThePeriodPlusSafetyStockLessStockAndTransitRoundedUpToCases() {
		// 40 a day × (31 + 7) days = 1,520; less 300 on hand and 100 in transit = 1,120 → 23 cases = 1,150
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.ACTIVE, 300, 100, "40"), 31)).isEqualTo(1150);
	}

	@Test
	void anExactNumberOfCasesIsNotRoundedFurther() {
		// 10 a day × 35 days = 350, less 100 = 250 = 5 cases
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.ACTIVE, 100, 0, "10"), 28)).isEqualTo(250);
	}

	@Test
	void noSalesHistorySuggestsNothing() {
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.ACTIVE, 0, 0, "0"), 30)).isZero();
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.ACTIVE, 0, 0, null), 30)).isZero();
	}

	@Test
	void aDiscontinuedProductIsNeverBought() {
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.DISCONTINUED, 0, 0, "50"), 30)).isZero();
	}

	@Test
	void stockAboveTheTargetSuggestsNothingRatherThanANegativeQuantity() {
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.ACTIVE, 5000, 0, "40"), 30)).isZero();
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.ACTIVE, 1000, 480, "40"), 30)).isZero();
	}

	@Test
	void aFractionOfACartonNeededStillBuysACase() {
		// 0.05 a day × 37 = 1.85 cartons → one case
		assertThat(QuantityProposal.suggestedCartons(stock(ProductStatus.ACTIVE, 0, 0, "0.05"), 30)).isEqualTo(50);
	}
}
