package com.wholesaler.marketing.contract;

import java.math.BigDecimal;

/** A line as an earlier version of the contract had it. */
public record ContractVersionLine(String productCode, String productName, int cartons, BigDecimal unitPrice) {

	public BigDecimal amount() {
		return unitPrice.multiply(BigDecimal.valueOf(cartons));
	}
}
