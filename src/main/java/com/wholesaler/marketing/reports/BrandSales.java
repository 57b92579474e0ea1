package com.wholesaler.marketing.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.wholesaler.marketing.catalog.PriceClass;

/**
 * 品牌銷售: the brands ranked by cartons sold over a period, their growth on the same days a year
 * before, and each brand's share of the price classes it sells in.
 */
@Component
public class BrandSales {

	public record Brand(int rank, String brand, String manufacturer, long cartons, BigDecimal amount, long cartonsLastYear,
			double share) {

		public Double growth() {
			return cartonsLastYear == 0 ? null : (cartons - cartonsLastYear) / (double) cartonsLastYear;
		}
	}

	/** A brand within one price class: its cartons and share of the class. */
	public record ClassShare(PriceClass priceClass, String brand, long cartons, double share) {
	}

	public record Report(ReportPeriod period, List<Brand> brands, List<ClassShare> classShares, long totalCartons,
			Map<PriceClass, Long> classTotals) {
	}

	private final PurchasesSalesStock ledger;
	private final Assortment assortment;

	BrandSales(PurchasesSalesStock ledger, Assortment assortment) {
		this.ledger = ledger;
		this.assortment = assortment;
	}

	public Report of(ReportPeriod period) {
		Map<String, Assortment.Item> items = assortment.items();
		List<PurchasesSalesStock.Line> perProduct = ledger.of(period, Grouping.PRODUCT).lines();
		Map<String, long[]> byBrand = new HashMap<>();
		Map<String, BigDecimal> amounts = new HashMap<>();
		Map<String, String> makers = new HashMap<>();
		Map<PriceClass, Map<String, Long>> perClass = new EnumMap<>(PriceClass.class);
		long total = 0;
		for (PurchasesSalesStock.Line line : perProduct) {
			Assortment.Item item = items.get(line.key());
			long[] sums = byBrand.computeIfAbsent(item.brand(), b -> new long[2]);
			sums[0] += line.sales();
			sums[1] += line.salesLastYear();
			amounts.merge(item.brand(), line.salesAmount(), BigDecimal::add);
			makers.put(item.brand(), item.manufacturerName());
			perClass.computeIfAbsent(item.priceClass(), c -> new HashMap<>()).merge(item.brand(), line.sales(), Long::sum);
			total += line.sales();
		}
		List<String> ranked = byBrand.entrySet().stream().filter(e -> e.getValue()[0] > 0 || e.getValue()[1] > 0)
				.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
						.thenComparing(Map.Entry::getKey))
				.map(Map.Entry::getKey).toList();
		List<Brand> brands = new ArrayList<>();
		for (String brand : ranked) {
			long[] sums = byBrand.get(brand);
			brands.add(new Brand(brands.size() + 1, brand, makers.get(brand), sums[0], amounts.get(brand), sums[1],
					total == 0 ? 0 : sums[0] / (double) total));
		}
		List<ClassShare> shares = new ArrayList<>();
		Map<PriceClass, Long> classTotals = new EnumMap<>(PriceClass.class);
		perClass.forEach((priceClass, brandCartons) -> {
			long classTotal = brandCartons.values().stream().mapToLong(Long::longValue).sum();
			classTotals.put(priceClass, classTotal);
			brandCartons.entrySet().stream().filter(e -> e.getValue() > 0)
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
					.forEach(e -> shares.add(new ClassShare(priceClass, e.getKey(), e.getValue(), e.getValue() / (double) classTotal)));
		});
		return new Report(period, brands, shares, total, classTotals);
	}
}
