package com.wholesaler.marketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceClassTest {

	@ParameterizedTest
	@CsvSource({
			"350.00, 1", "100.00, 1", "99.99, 2", "70.00, 2", "69.99, 3", "30.00, 3",
			"29.99, 4", "16.50, 4", "16.49, 5", "0.01, 5"})
	void boundariesBelongToTheClassTheyStart(String allocationPrice, int expectedClass) {
		assertThat(PriceClass.of(new BigDecimal(allocationPrice)).number()).isEqualTo(expectedClass);
	}

	@Test
	void refusesAPriceThatIsNotPositive() {
		assertThatThrownBy(() -> PriceClass.of(BigDecimal.ZERO)).hasMessageContaining("調撥價必須大於零");
		assertThatThrownBy(() -> PriceClass.of(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void upperBoundIsTheNextDearerClassLowerBound() {
		assertThat(PriceClass.CLASS_1.upperBound()).isNull();
		assertThat(PriceClass.CLASS_3.upperBound()).isEqualByComparingTo("70");
		assertThat(PriceClass.CLASS_5.upperBound()).isEqualByComparingTo("16.5");
	}
}
