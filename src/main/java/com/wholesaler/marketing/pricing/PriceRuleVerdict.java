package com.wholesaler.marketing.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules' verdict over all lines of a proposal, from the outcomes the decision table gave each line:
 * refused if any line is refused; the executive is needed if any line needs them; the urgent path is
 * open only if every line allows it.
 */
public record PriceRuleVerdict(String refusal, boolean needsExecutive, boolean urgentAllowed, String summary) {

	public static final String REFUSE = "REFUSE";
	public static final String EXECUTIVE = "EXECUTIVE";
	public static final String URGENT_ALLOWED = "URGENT_ALLOWED";

	/** @param outcomesByProduct per product code, the (outcome, reason) pairs the table matched */
	public static PriceRuleVerdict of(Map<String, List<Map<String, Object>>> outcomesByProduct) {
		List<String> refusals = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		boolean executive = false;
		boolean urgent = !outcomesByProduct.isEmpty();
		for (Map.Entry<String, List<Map<String, Object>>> product : outcomesByProduct.entrySet()) {
			boolean lineUrgent = false;
			for (Map<String, Object> outcome : product.getValue()) {
				String kind = String.valueOf(outcome.get("outcome"));
				String reason = product.getKey() + "：" + outcome.get("reason");
				switch (kind) {
					case REFUSE -> refusals.add(reason);
					case EXECUTIVE -> {
						executive = true;
						notes.add(reason);
					}
					case URGENT_ALLOWED -> lineUrgent = true;
					default -> throw new IllegalStateException("unknown rule outcome " + kind);
				}
			}
			urgent &= lineUrgent;
		}
		String refusal = refusals.isEmpty() ? null : "不符合價格規則：" + String.join("；", refusals);
		String summary = notes.isEmpty() ? "符合價格規則" : "符合價格規則；需分管領導審批：" + String.join("；", notes);
		return new PriceRuleVerdict(refusal, executive, urgent && refusal == null, summary);
	}
}
