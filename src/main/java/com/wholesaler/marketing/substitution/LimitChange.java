package com.wholesaler.marketing.substitution;

/** A tier limit the drafter changed by hand. */
public record LimitChange(String productCode, int tier, int limit) {
}
