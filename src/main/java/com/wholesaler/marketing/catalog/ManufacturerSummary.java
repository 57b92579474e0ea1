package com.wholesaler.marketing.catalog;

public record ManufacturerSummary(Manufacturer manufacturer, int products, int activeProducts) {
}
