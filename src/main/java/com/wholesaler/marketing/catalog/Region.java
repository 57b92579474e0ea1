package com.wholesaler.marketing.catalog;

/** A regional marketing department (區域市場部) and the area it serves. */
public record Region(String code, String name) {
}
