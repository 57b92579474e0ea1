package com.wholesaler.marketing.purchaseplan;

/**
 * What a product's suggestion stood on: the 28-day forecast's suggestion, and, when the month has an
 * approved sales plan, its planned sales and the suggestion drawn from them (the one the plan used).
 */
public record PlanBasis(String productCode, int forecastSuggested, Integer plannedSales, Integer salesPlanSuggested) {
}
