package com.wholesaler.marketing.catalog;

import java.math.BigDecimal;

/**
 * 價類: the class of a cigarette product by its allocation price per carton, excluding VAT.
 * Class 1 is the dearest. Boundaries are the industry's: 100 / 70 / 30 / 16.5 yuan.
 */
public enum PriceClass {

	CLASS_1(1, "一類", new BigDecimal("100.00")),
	CLASS_2(2, "二類", new BigDecimal("70.00")),
	CLASS_3(3, "三類", new BigDecimal("30.00")),
	CLASS_4(4, "四類", new BigDecimal("16.50")),
	CLASS_5(5, "五類", BigDecimal.ZERO);

	private final int number;
	private final String chineseName;
	private final BigDecimal lowerBound;

	PriceClass(int number, String chineseName, BigDecimal lowerBound) {
		this.number = number;
		this.chineseName = chineseName;
		this.lowerBound = lowerBound;
	}

	/** The class an allocation price falls in; a lower bound belongs to the class it starts. */
	public static PriceClass of(BigDecimal allocationPrice) {
		if (allocationPrice == null || allocationPrice.signum() <= 0) {
			throw new IllegalArgumentException("調撥價必須大於零 (allocation price must be positive): " + allocationPrice);
		}
		for (PriceClass priceClass : values()) {
			if (allocationPrice.compareTo(priceClass.lowerBound) >= 0) {
				return priceClass;
			}
		}
		throw new IllegalStateException("unreachable: class 5 has lower bound 0");
	}

	public static PriceClass ofNumber(int number) {
		for (PriceClass priceClass : values()) {
			if (priceClass.number == number) {
				return priceClass;
			}
		}
		throw new IllegalArgumentException("價類只有一至五類 (price class must be 1-5): " + number);
	}

	public int number() {
		return number;
	}

	public String chineseName() {
		return chineseName;
	}

	/** Inclusive lower bound of the allocation price. */
	public BigDecimal lowerBound() {
		return lowerBound;
	}

	/** Exclusive upper bound, or null for class 1. */
	public BigDecimal upperBound() {
		return number == 1 ? null : ofNumber(number - 1).lowerBound;
	}
}
