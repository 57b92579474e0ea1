package com.wholesaler.marketing.substitution;

/** The short product (position 0) or a substitute, with its limits per tier (index 1..30). */
public record ShortageProduct(String productCode, String productName, int position, int availableCartons, int[] limits) {

	public boolean isShortProduct() {
		return position == 0;
	}

	/** The limits as runs: "1–12檔 0 條；13–20檔 1 條；…". */
	public String limitRuns() {
		StringBuilder runs = new StringBuilder();
		int start = 1;
		for (int t = 2; t <= TierAllocation.TIERS + 1; t++) {
			if (t == TierAllocation.TIERS + 1 || limits[t] != limits[start]) {
				if (runs.length() > 0) {
					runs.append("；");
				}
				runs.append(start == t - 1 ? "%d檔".formatted(start) : "%d–%d檔".formatted(start, t - 1))
						.append(' ').append(limits[start]).append(" 條");
				start = t;
			}
		}
		return runs.toString();
	}
}
