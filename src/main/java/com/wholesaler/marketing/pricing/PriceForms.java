package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.Money;

/** Reads what the price forms (and the authority's message) send: rows of prices, a date. */
final class PriceForms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private PriceForms() {
	}

	/**
	 * Prices as the forms send them, one product per line: "code wholesale retail [allocation]"; or as
	 * a JSON array of {productCode, wholesaleKey, retailKey, proposedAllocation?} (the authority's message).
	 */
	static List<ProposedPrice> prices(Object value, String wholesaleKey, String retailKey) {
		List<ProposedPrice> prices = new ArrayList<>();
		if (value == null || value.toString().isBlank()) {
			return prices;
		}
		if (!value.toString().trim().startsWith("[")) {
			int lineNumber = 0;
			for (String line : value.toString().split("\\R")) {
				lineNumber++;
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.trim().split("[\\s,，、]+");
				if (cells.length < 3 || cells.length > 4) {
					throw new BusinessRuleException("第 %d 行「%s」應為「規格代碼 批發價 零售價 [調撥價]」(code wholesale retail [allocation])"
							.formatted(lineNumber, line.trim()));
				}
				prices.add(new ProposedPrice(cells[0], decimal(cells[1]), decimal(cells[2]), cells.length == 4 ? decimal(cells[3]) : null));
			}
			return prices;
		}
		JsonNode rows;
		try {
			rows = JSON.readTree(value.toString());
		}
		catch (Exception e) {
			throw new BusinessRuleException("價格明細格式不對 (price rows unreadable)");
		}
		for (JsonNode row : rows) {
			prices.add(new ProposedPrice(row.path("productCode").asText(null),
					decimal(row.get(wholesaleKey)), decimal(row.get(retailKey)), decimal(row.get("proposedAllocation"))));
		}
		return prices;
	}

	static LocalDate date(Object value) {
		return BusinessTime.date(value);
	}

	private static BigDecimal decimal(JsonNode node) {
		return node == null || node.isNull() || node.asText().isBlank() ? null : decimal(node.asText());
	}

	private static BigDecimal decimal(String text) {
		return Money.price(text);
	}
}
