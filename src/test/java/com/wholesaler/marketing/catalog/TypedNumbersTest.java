package com.wholesaler.marketing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** Prices, amounts, cartons and dates as people type them into forms, and what is refused. */
class TypedNumbersTest {

	@Test
	void aPriceHasAtMostTwoDecimalsNoExponentAndFitsItsColumn() {
		assertThat(Money.price("410")).isEqualByComparingTo("410");
		assertThat(Money.price(" 410.50 ")).isEqualByComparingTo(new BigDecimal("410.50"));
		assertThat(Money.price("")).isNull();
		assertThatThrownBy(() -> Money.price("1E+999999999")).isInstanceOf(BusinessRuleException.class)
				.hasMessageStartingWith("「1E+999999999」不是價格");
		assertThatThrownBy(() -> Money.price("1234567890123")).hasMessageContaining("太大");
		assertThatThrownBy(() -> Money.price("410.123")).hasMessageContaining("最多兩位小數");
		assertThat(Money.price("-410")).as("the rule reading it refuses a negative price in its words").isNegative();
		assertThatThrownBy(() -> Money.price("四百")).hasMessageContaining("不是價格");
		assertThat(Money.price("99999999.99")).isEqualByComparingTo("99999999.99");
	}

	@Test
	void anAmountMayBeLargerThanAPrice() {
		assertThat(Money.amount("123456789012.34")).isEqualByComparingTo("123456789012.34");
		assertThatThrownBy(() -> Money.amount("1234567890123")).hasMessageContaining("太大");
	}

	@Test
	void cartonsAreWholeNumbersOfSensibleSize() {
		assertThat(Cartons.parse(" 250 ")).isEqualTo(250);
		assertThat(Cartons.parse("-5")).isEqualTo(-5);
		assertThatThrownBy(() -> Cartons.parse("99999999999")).hasMessageContaining("太大");
		assertThatThrownBy(() -> Cartons.parse("2.5")).hasMessageContaining("不是整數");
		assertThatThrownBy(() -> Cartons.parse("1e3")).hasMessageContaining("不是整數");
	}

	@Test
	void aDateIsADayInTheCompanysZone() {
		assertThat(BusinessTime.date("2026-12-10")).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(BusinessTime.date("2026-12-10T00:00:00+08:00")).isEqualTo(LocalDate.of(2026, 12, 10));
		Date lateEveningUtc = Date.from(ZonedDateTime.parse("2026-12-09T17:30:00Z").toInstant());
		assertThat(BusinessTime.date(lateEveningUtc)).as("01:30 in Shanghai").isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(BusinessTime.date(" ")).isNull();
		assertThatThrownBy(() -> BusinessTime.date("12/10/2026")).hasMessageContaining("YYYY-MM-DD");
	}
}
