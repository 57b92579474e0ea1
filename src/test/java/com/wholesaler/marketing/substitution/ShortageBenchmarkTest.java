package com.wholesaler.marketing.substitution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.catalog.StockWarnings;

/**
 * Speed of the shortage side on the demo company (400 products, 90 days of sales, 30,000 retailers),
 * printed as median and 95th percentile. Not part of `mvn verify`: run `mvn -Pbenchmark test`.
 */
@Tag("benchmark")
@IntegrationTest
class ShortageBenchmarkTest {

	private static final int WARMUP = 10;
	private static final int RUNS = 50;

	@Autowired
	StockWarnings stockWarnings;

	@Autowired
	Catalog catalog;

	@Autowired
	TierWeights tierWeights;

	@Test
	void measure() {
		double[] weights = tierWeights.weights();
		List<String> rows = new ArrayList<>();
		rows.add(row("daily warning scan (400 products, 28-day sales)", time(() -> stockWarnings.current())));
		ProductStock shortProduct = stockWarnings.current().get(0);
		rows.add(row("one proposal (stock read, substitutes, limits)", time(() -> {
			List<ProductStock> all = catalog.stockPositions();
			List<ProductStock> chosen = new ArrayList<>();
			chosen.add(shortProduct);
			chosen.addAll(SubstituteFinder.substitutesFor(shortProduct, all));
			int[] retailers = catalog.activeRetailerCounts().perTier();
			chosen.forEach(s -> TierAllocation.limits(ShortageCases.available(s, s == shortProduct), retailers, weights));
			return chosen;
		})));
		Random random = new Random(7);
		int[] retailers = new int[TierAllocation.TIERS + 1];
		for (int i = 0; i < 100_000; i++) {
			int tier = (int) Math.max(1, Math.min(30, Math.round(13 + random.nextGaussian() * 6)));
			retailers[tier]++;
		}
		long[] quantities = random.longs(1_000, 0, 400_000).toArray();
		rows.add(row("allocation, 1,000 products × 100,000 retailers", time(() -> {
			long sum = 0;
			for (long q : quantities) {
				sum += TierAllocation.limits(q, retailers, weights)[30];
			}
			return sum;
		})));
		System.out.println();
		System.out.println("| measurement | median (ms) | p95 (ms) |");
		System.out.println("|---|---|---|");
		rows.forEach(System.out::println);
		System.out.printf("(%d runs after %d warm-up runs; %d cores, Java %s)%n", RUNS, WARMUP,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
	}

	private static double[] time(Supplier<?> work) {
		for (int i = 0; i < WARMUP; i++) {
			work.get();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static String row(String name, double[] sorted) {
		return "| %s | %.1f | %.1f |".formatted(name, sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
	}
}
