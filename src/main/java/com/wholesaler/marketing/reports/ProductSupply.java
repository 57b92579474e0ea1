package com.wholesaler.marketing.reports;

import java.time.LocalDate;

/** What decides a product's supply state today: its stock, the last 28 days' demand, limits in force, its first sale. */
public record ProductSupply(String code, String name, String brand, String priceClass, long stock, int warningDays,
		long ordered, long unmet, boolean limited, LocalDate firstSale, LocalDate today) {

	public SupplyState state() {
		if (firstSale == null || firstSale.isAfter(today.minusDays(SupplyState.NEW_DAYS))) {
			return SupplyState.NEW;
		}
		Double cover = coverDays();
		if (limited || unmetShare() >= SupplyState.TIGHT_UNMET_SHARE || (cover != null && cover < warningDays)) {
			return SupplyState.TIGHT;
		}
		if (unmet == 0 && (cover == null || cover >= SupplyState.FULLY_MET_COVER_DAYS)) {
			return SupplyState.FULLY_MET;
		}
		return SupplyState.BALANCED;
	}

	/** Of what retailers asked for in the window, the part they did not get. */
	public double unmetShare() {
		long asked = ordered + unmet;
		return asked == 0 ? 0 : unmet / (double) asked;
	}

	/** Days today's stock lasts at the window's daily sales; null when nothing sold. */
	public Double coverDays() {
		return ordered == 0 ? null : stock / (ordered / (double) SupplyState.DEMAND_DAYS);
	}
}
