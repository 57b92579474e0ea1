package com.wholesaler.marketing.substitution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;

/**
 * 品類替代: products that can stand in for a short one. Active, of the same price class, with a
 * retail price within ±15 %, and with stock to spare: their cover stays above their warning level
 * even if they take over all of the short product's demand. Ranked by same brand, same
 * manufacturer, then closeness of price; at most five.
 */
public final class SubstituteFinder {

	public static final int MAX_SUBSTITUTES = 5;
	static final BigDecimal PRICE_BAND = new BigDecimal("0.15");

	private SubstituteFinder() {
	}

	public static List<ProductStock> substitutesFor(ProductStock shortProduct, List<ProductStock> all) {
		Product target = shortProduct.product();
		BigDecimal low = target.retailPrice().multiply(BigDecimal.ONE.subtract(PRICE_BAND));
		BigDecimal high = target.retailPrice().multiply(BigDecimal.ONE.add(PRICE_BAND));
		BigDecimal extraDemand = shortProduct.averageDailySales() == null ? BigDecimal.ZERO : shortProduct.averageDailySales();
		return all.stream()
				.filter(s -> !s.product().code().equals(target.code()))
				.filter(s -> s.product().isActive())
				.filter(s -> s.product().priceClass() == target.priceClass())
				.filter(s -> s.product().retailPrice().compareTo(low) >= 0 && s.product().retailPrice().compareTo(high) <= 0)
				.filter(s -> coversWithExtraDemand(s, extraDemand))
				.sorted(Comparator
						.comparing((ProductStock s) -> !s.product().brand().equals(target.brand()))
						.thenComparing(s -> !s.product().manufacturerCode().equals(target.manufacturerCode()))
						.thenComparing(s -> s.product().retailPrice().subtract(target.retailPrice()).abs())
						.thenComparing(s -> s.product().code()))
				.limit(MAX_SUBSTITUTES)
				.toList();
	}

	/** Cover = on hand ÷ (own daily sales + the short product's), above the warning level. */
	static boolean coversWithExtraDemand(ProductStock s, BigDecimal extraDemand) {
		BigDecimal demand = (s.averageDailySales() == null ? BigDecimal.ZERO : s.averageDailySales()).add(extraDemand);
		if (demand.signum() == 0) {
			return s.onHand() > 0;
		}
		BigDecimal cover = BigDecimal.valueOf(s.onHand()).divide(demand, 4, RoundingMode.HALF_UP);
		return cover.compareTo(BigDecimal.valueOf(s.warningDays())) > 0;
	}
}
