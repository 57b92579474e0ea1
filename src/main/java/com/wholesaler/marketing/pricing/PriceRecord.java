package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One entry of a product's price history; validTo is empty for the price in force. */
public record PriceRecord(String productCode, BigDecimal allocationPrice, BigDecimal wholesalePrice,
		BigDecimal retailPrice, LocalDate validFrom, LocalDate validTo, String proposalNumber) {
}
