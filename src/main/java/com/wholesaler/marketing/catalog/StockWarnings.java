package com.wholesaler.marketing.catalog;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/** 庫存預警: the products whose stock covers fewer days than their warning level. */
@Service
public class StockWarnings {

	private final Catalog catalog;

	public StockWarnings(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Products under their warning level, shortest cover first. */
	public List<ProductStock> current() {
		return catalog.stockPositions().stream()
				.filter(ProductStock::isBelowWarningLevel)
				.sorted(Comparator.comparing(ProductStock::coverDays))
				.toList();
	}
}
