package com.wholesaler.marketing.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * How each item of a plan came out, as the month-end form takes it, one a line: 「序號｜完成」 or
 * 「序號｜未完成｜說明」. Every item once; an item not done says why.
 */
public record ItemOutcomes(Map<Integer, Outcome> outcomes) {

	public record Outcome(boolean done, String remark) {
	}

	public static ItemOutcomes parse(Object text, int items) {
		String all = text == null ? "" : text.toString();
		Map<Integer, Outcome> outcomes = new TreeMap<>();
		List<String> errors = new ArrayList<>();
		int line = 0;
		for (String raw : all.split("\\R")) {
			line++;
			if (raw.isBlank()) {
				continue;
			}
			String[] parts = raw.split("[|｜]", -1);
			if (parts.length < 2 || parts.length > 3) {
				errors.add("第 %d 行應為「序號｜完成」或「序號｜未完成｜說明」".formatted(line));
				continue;
			}
			int number;
			try {
				number = Integer.parseInt(parts[0].strip());
			}
			catch (NumberFormatException e) {
				errors.add("第 %d 行的序號不是數字".formatted(line));
				continue;
			}
			if (number < 1 || number > items) {
				errors.add("第 %d 行：計畫只有第 1 至 %d 項".formatted(line, items));
				continue;
			}
			String state = parts[1].strip();
			String remark = parts.length == 3 ? parts[2].strip() : "";
			if (!state.equals("完成") && !state.equals("未完成")) {
				errors.add("第 %d 行請寫「完成」或「未完成」".formatted(line));
				continue;
			}
			boolean done = state.equals("完成");
			if (!done && remark.isEmpty()) {
				errors.add("第 %d 項未完成，請說明原因".formatted(number));
			}
			if (remark.length() > 500) {
				errors.add("第 %d 項的說明最多 500 字".formatted(number));
			}
			if (outcomes.put(number, new Outcome(done, remark.isEmpty() ? null : remark)) != null) {
				errors.add("第 %d 項寫了兩次".formatted(number));
			}
		}
		for (int i = 1; i <= items; i++) {
			if (!outcomes.containsKey(i) && errors.size() < 10) {
				errors.add("第 %d 項還沒有填完成情況".formatted(i));
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + " (item outcomes)");
		}
		return new ItemOutcomes(outcomes);
	}
}
