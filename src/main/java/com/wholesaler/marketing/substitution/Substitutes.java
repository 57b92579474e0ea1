package com.wholesaler.marketing.substitution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * The substitutes a draft names, as the forms send them: the tag list of the draft form (a JSON array
 * of product codes), or codes separated by commas (a REST client, an older form). Null when the draft
 * does not say, which keeps the case's substitutes.
 */
final class Substitutes {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Substitutes() {
	}

	/** The product codes, comma-separated as the case keeps them; null when none were sent. */
	static String codes(Object value) {
		if (value == null) {
			return null;
		}
		List<String> codes = new ArrayList<>();
		if (value instanceof SpinJsonNode node) {
			if (!node.isArray()) {
				throw refused();
			}
			node.elements().forEach(e -> codes.add(e.isString() ? e.stringValue() : e.toString()));
		}
		else if (value instanceof Collection<?> list) {
			list.forEach(e -> codes.add(String.valueOf(e)));
		}
		else if (value.toString().strip().startsWith("[")) {
			try {
				for (JsonNode e : JSON.readTree(value.toString())) {
					codes.add(e.asText());
				}
			}
			catch (JsonProcessingException e) {
				throw refused();
			}
		}
		else {
			codes.addAll(List.of(value.toString().split("[,，、\\s]+")));
		}
		return String.join(",", codes.stream().map(String::strip).filter(c -> !c.isEmpty()).map(c -> c.toUpperCase(Locale.ROOT)).toList());
	}

	private static BusinessRuleException refused() {
		return new BusinessRuleException("替代規格應為規格代碼的清單 (substitutes: a list of product codes)");
	}
}
