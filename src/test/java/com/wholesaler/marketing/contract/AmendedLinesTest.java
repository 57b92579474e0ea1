package com.wholesaler.marketing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStatus;

class AmendedLinesTest {

	private static final Product A = product("P0001", "M01");
	private static final Product B = product("P0002", "M01");
	private static final Product OTHER = product("P0003", "M02");
	private static final List<ContractLine> CONTRACT = List.of(
			new ContractLine("P0001", "甲", 1000, new BigDecimal("100.00"), null, null, null, 300));

	private static Product product(String code, String manufacturer) {
		return new Product(code, code, "brand", manufacturer, new BigDecimal("80.00"), new BigDecimal("90.00"), new BigDecimal("100.00"),
				ProductStatus.values()[0]);
	}

	private static AmendedLines amend(Contracts.LineChange... changes) {
		return AmendedLines.of(CONTRACT, List.of(changes), "M01",
				code -> List.of(A, B, OTHER).stream().filter(p -> p.code().equals(code)).findFirst());
	}

	@Test
	void theLargestLineChangeInPercentAndWhetherAPriceMoves() {
		AmendedLines fivePercent = amend(new Contracts.LineChange("p0001", 1050, null, null));
		assertThat(fivePercent.quantityChangePercent()).isEqualByComparingTo("5.00");
		assertThat(fivePercent.priceChanged()).isFalse();
		assertThat(fivePercent.lines().get(0).receivedCartons()).as("what arrived stays").isEqualTo(300);

		assertThat(amend(new Contracts.LineChange("P0001", 949, null, null)).quantityChangePercent()).isEqualByComparingTo("5.10");
		assertThat(amend(new Contracts.LineChange("P0001", 1000, new BigDecimal("101.00"), null)).priceChanged()).isTrue();
		AmendedLines supplement = amend(new Contracts.LineChange("P0002", 10, null, null));
		assertThat(supplement.quantityChangePercent()).as("a new line counts as 100").isEqualByComparingTo("100");
		assertThat(supplement.lines()).hasSize(2);
		assertThat(supplement.lines().get(1).unitPrice()).as("a new line at the allocation price").isEqualByComparingTo("80.00");
		assertThat(amend(new Contracts.LineChange("P0001", 1000, null, null)).changesAnything(CONTRACT)).isFalse();
	}

	@Test
	void everyBrokenLineIsNamed() {
		assertThatThrownBy(() -> amend(new Contracts.LineChange("P0001", 299, null, null), new Contracts.LineChange("P0003", 5, null, null),
				new Contracts.LineChange("P9999", 5, null, null), new Contracts.LineChange("P0002", 5, new BigDecimal("1.005"), null)))
				.isInstanceOf(BusinessRuleException.class)
				.hasMessageContaining("不能少於已到貨數量").hasMessageContaining("不是本工業企業的產品")
				.hasMessageContaining("找不到捲菸規格").hasMessageContaining("最多兩位小數");
		assertThatThrownBy(() -> amend(new Contracts.LineChange("P0001", 300, null, null))).hasMessageContaining("沒有未到貨的數量");
		assertThatThrownBy(() -> amend(new Contracts.LineChange("P0002", 5, null, null), new Contracts.LineChange("P0002", 6, null, null)))
				.hasMessageContaining("出現了兩次");
	}
}
