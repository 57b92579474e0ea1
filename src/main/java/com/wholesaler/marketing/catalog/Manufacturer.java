package com.wholesaler.marketing.catalog;

/** 工業企業: a manufacturer, classed A/B/C by how the center serves it (工業企業分類). */
public record Manufacturer(String code, String name, String province, char serviceClass) {
}
