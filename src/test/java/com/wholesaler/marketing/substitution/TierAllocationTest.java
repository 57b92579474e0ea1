package com.wholesaler.marketing.substitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TierAllocationTest {

	private static double[] bandWeights() {
		double[] w = new double[31];
		for (int t = 1; t <= 30; t++) {
			w[t] = 1 + (t - 1) / 5;
		}
		return w;
	}

	private static int[] retailers(int perTier) {
		int[] n = new int[31];
		for (int t = 1; t <= 30; t++) {
			n[t] = perTier;
		}
		return n;
	}

	private static void assertValid(int[] limits, int[] n, long q) {
		for (int t = 2; t <= 30; t++) {
			assertThat(limits[t]).as("tier " + t + " not below tier " + (t - 1)).isGreaterThanOrEqualTo(limits[t - 1]);
		}
		assertThat(limits[1]).isGreaterThanOrEqualTo(0);
		assertThat(TierAllocation.cost(limits, n)).isLessThanOrEqualTo(q);
	}

	@Test
	void followsTheWeightsAndUsesNearlyAllOfTheStock() {
		int[] n = retailers(100);
		long q = 30_000;
		int[] limits = TierAllocation.limits(q, n, bandWeights());
		assertValid(limits, n, q);
		assertThat(limits[30]).isGreaterThan(limits[1]);
		assertThat(q - TierAllocation.cost(limits, n)).as("left over").isLessThan(100);
	}

	@Test
	void lessStockThanRetailersGoesToTheBiggestShopsFirst() {
		int[] n = retailers(100);
		int[] limits = TierAllocation.limits(250, n, bandWeights());
		assertValid(limits, n, 250);
		assertThat(limits[30]).isEqualTo(1);
		assertThat(limits[29]).isEqualTo(1);
		assertThat(limits[28]).isZero();
		assertThat(limits[1]).isZero();
	}

	@Test
	void noStockMeansNoLimitAboveZero() {
		int[] limits = TierAllocation.limits(0, retailers(100), bandWeights());
		assertThat(limits).containsOnly(0);
	}

	@Test
	void oneTierOnlyGetsEverythingItCanUse() {
		int[] n = new int[31];
		n[12] = 40;
		int[] limits = TierAllocation.limits(1_000, n, bandWeights());
		assertThat(limits[12]).isEqualTo(25);
		assertThat(limits[30]).as("empty tiers follow the tier below").isEqualTo(25);
		assertThat(limits[11]).isZero();
		assertValid(limits, n, 1_000);
	}

	@Test
	void weightsThatDecreaseAreRefused() {
		double[] w = bandWeights();
		w[10] = 0.5;
		assertThatThrownBy(() -> TierAllocation.limits(100, retailers(1), w)).hasMessageContaining("must not decrease");
	}

	@ParameterizedTest
	@ValueSource(longs = {1, 37, 999, 12_345, 300_000, 2_000_000})
	void anyQuantityOverRealisticTiersGivesAValidCurve(long q) {
		Random random = new Random(q);
		int[] n = new int[31];
		for (int t = 1; t <= 30; t++) {
			n[t] = random.nextInt(3) == 0 ? 0 : random.nextInt(2_000);
		}
		int[] limits = TierAllocation.limits(q, n, bandWeights());
		assertValid(limits, n, q);
		long left = q - TierAllocation.cost(limits, n);
		int smallest = java.util.Arrays.stream(n).filter(x -> x > 0).min().orElse(0);
		int topActive = 30;
		while (n[topActive] == 0) {
			topActive--;
		}
		assertThat(left < smallest || left < n[topActive]).as("nothing more fits: " + left + " left").isTrue();
	}
}
