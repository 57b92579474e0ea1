package com.wholesaler.marketing.salesplan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole number of cartons shared out in proportion to weights, in whole cartons that add up exactly:
 * each share rounded down, the cartons left over to the largest remainders (ties to the first listed).
 */
final class ProportionalSplit {

	private ProportionalSplit() {
	}

	/** Without any weight, everything goes to the first key. */
	static <K> Map<K, Integer> of(int total, Map<K, Long> weights) {
		Map<K, Integer> shares = new LinkedHashMap<>();
		long sum = weights.values().stream().mapToLong(Long::longValue).sum();
		if (weights.isEmpty()) {
			return shares;
		}
		if (sum <= 0) {
			weights.keySet().forEach(k -> shares.put(k, 0));
			shares.put(weights.keySet().iterator().next(), total);
			return shares;
		}
		List<Map.Entry<K, Double>> remainders = new ArrayList<>();
		int given = 0;
		for (Map.Entry<K, Long> w : weights.entrySet()) {
			double exact = total * (double) w.getValue() / sum;
			int down = (int) Math.floor(exact);
			shares.put(w.getKey(), down);
			given += down;
			remainders.add(Map.entry(w.getKey(), exact - down));
		}
		remainders.sort(Comparator.comparing((Map.Entry<K, Double> e) -> e.getValue()).reversed());
		for (int i = 0; i < total - given; i++) {
			K key = remainders.get(i % remainders.size()).getKey();
			shares.merge(key, 1, Integer::sum);
		}
		return shares;
	}
}
