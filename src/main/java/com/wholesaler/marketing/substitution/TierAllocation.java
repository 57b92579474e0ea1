package com.wholesaler.marketing.substitution;

import java.util.Arrays;

/**
 * 按檔投放: per-retailer weekly limits by tier. Given Q cartons for the week, n[t] retailers in tier t
 * (1..30) and the tier weights w[t] (non-decreasing), finds whole-carton limits L[t] that never
 * decrease with the tier, follow the weights' shape, keep Σ n[t]·L[t] ≤ Q and leave as little over
 * as the shape allows: the largest scale s with Σ n[t]·⌊s·w[t]⌋ ≤ Q, then single cartons added from
 * the top tier down wherever the sum and the order still allow.
 */
public final class TierAllocation {

	public static final int TIERS = 30;

	private TierAllocation() {
	}

	/**
	 * @param available cartons for the week (Q), ≥ 0
	 * @param retailers n[1..30] at index 1..30 (index 0 unused)
	 * @param weights w[1..30] at index 1..30, non-decreasing, ≥ 0
	 * @return L[1..30] at index 1..30
	 */
	public static int[] limits(long available, int[] retailers, double[] weights) {
		check(retailers, weights);
		int[] limits = new int[TIERS + 1];
		long total = Arrays.stream(retailers).asLongStream().sum();
		if (available <= 0 || total == 0) {
			return limits;
		}
		// The largest scale that fits: binary search on s, Σ n·floor(s·w) is non-decreasing in s.
		double maxWeight = Arrays.stream(weights).max().orElse(0);
		if (maxWeight <= 0) {
			return limits;
		}
		double low = 0;
		double high = available / maxWeight + 1;
		for (int i = 0; i < 100 && high - low > 1e-9 * Math.max(1, high); i++) {
			double mid = (low + high) / 2;
			if (cost(scaled(mid, weights), retailers) <= available) {
				low = mid;
			}
			else {
				high = mid;
			}
		}
		// Only tiers that have retailers cost anything; work on those, in order.
		int[] active = java.util.stream.IntStream.rangeClosed(1, TIERS).filter(t -> retailers[t] > 0).toArray();
		int[] scaled = scaled(low, weights);
		int[] own = new int[active.length];
		long left = available;
		for (int i = 0; i < active.length; i++) {
			own[i] = scaled[active[i]];
			left -= (long) retailers[active[i]] * own[i];
		}
		// Fill what is left one carton at a time, biggest shops first, keeping the order by tier.
		boolean added = true;
		while (added && left > 0) {
			added = false;
			for (int i = active.length - 1; i >= 0; i--) {
				int n = retailers[active[i]];
				if (n <= left && (i == active.length - 1 || own[i] + 1 <= own[i + 1])) {
					own[i]++;
					left -= n;
					added = true;
				}
			}
		}
		// Tiers without retailers take the limit of the nearest tier below: the curve stays non-decreasing at no cost.
		int i = 0;
		int current = 0;
		for (int t = 1; t <= TIERS; t++) {
			if (i < active.length && active[i] == t) {
				current = own[i++];
			}
			limits[t] = current;
		}
		return limits;
	}

	public static long cost(int[] limits, int[] retailers) {
		long sum = 0;
		for (int t = 1; t <= TIERS; t++) {
			sum += (long) retailers[t] * limits[t];
		}
		return sum;
	}

	private static int[] scaled(double s, double[] weights) {
		int[] limits = new int[TIERS + 1];
		for (int t = 1; t <= TIERS; t++) {
			limits[t] = (int) Math.floor(s * weights[t] + 1e-9);
		}
		return limits;
	}

	private static void check(int[] retailers, double[] weights) {
		if (retailers.length != TIERS + 1 || weights.length != TIERS + 1) {
			throw new IllegalArgumentException("tiers are 1..30");
		}
		for (int t = 2; t <= TIERS; t++) {
			if (weights[t] < weights[t - 1]) {
				throw new IllegalArgumentException("the tier weights must not decrease: tier " + t);
			}
		}
	}
}
