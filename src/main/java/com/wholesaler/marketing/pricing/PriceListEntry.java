package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.wholesaler.marketing.catalog.PriceClass;

/** A row of the current price list. */
public record PriceListEntry(String productCode, String productName, String brand, String status,
		BigDecimal allocationPrice, BigDecimal wholesalePrice, BigDecimal retailPrice, LocalDate validFrom) {

	public PriceClass priceClass() {
		return PriceClass.of(allocationPrice);
	}
}
