package com.wholesaler.marketing.catalog;

public enum ProductStatus {
	ACTIVE, DISCONTINUED
}
