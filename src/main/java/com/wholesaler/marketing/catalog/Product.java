package com.wholesaler.marketing.catalog;

import java.math.BigDecimal;

/** 捲菸規格: one cigarette SKU with its three prices per carton. */
public record Product(
		String code,
		String name,
		String brand,
		String manufacturerCode,
		BigDecimal allocationPrice,
		BigDecimal wholesalePrice,
		BigDecimal retailPrice,
		ProductStatus status) {

	public PriceClass priceClass() {
		return PriceClass.of(allocationPrice);
	}

	public boolean isActive() {
		return status == ProductStatus.ACTIVE;
	}
}
