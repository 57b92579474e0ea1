package com.wholesaler.marketing.substitution;

import static com.wholesaler.marketing.substitution.ShortageProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the shortage forms show, read from the case when each task is created: the products with
 * what they have for the week and their limits by tier, and the history. The draft task also gets
 * the substitutes and the validity to edit. The previous step's answers are cleared.
 */
@Component
public class ShortageTaskDisplay implements TaskListener {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ShortageCases cases;
	private final ObjectMapper json;

	public ShortageTaskDisplay(ShortageCases cases, ObjectMapper json) {
		this.cases = cases;
		this.json = json;
	}

	@Override
	public void notify(DelegateTask task) {
		task.getExecution().removeVariables(List.of(DECISION, COMMENT, LIMIT_CHANGES));
		String number = (String) task.getVariable(CASE_NUMBER);
		ShortageCase c = cases.shortageCase(number);
		List<ShortageProduct> products = cases.products(number);
		task.setVariableLocal("caseSummary", "%s；有效期 %s 至 %s；發起：%s".formatted(c.status().chineseName(),
				c.validFrom(), c.validTo(), c.startedBy()));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ShortageProduct p : products) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("product", (p.isShortProduct() ? "【短缺】" : "【替代】") + p.productCode() + " " + p.productName());
			row.put("available", p.availableCartons());
			row.put("limits", p.limitRuns());
			rows.add(row);
		}
		task.setVariableLocal("limitRows", jsonValue(rows));
		List<Map<String, Object>> history = new ArrayList<>();
		for (ShortageEvent e : cases.history(number)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("time", TIME.format(e.occurredAt()));
			row.put("step", e.step().chineseName());
			row.put("event", e.typeName());
			row.put("actor", e.actor() == null ? "系統" : e.actor());
			row.put("comment", e.comment() == null ? "" : e.comment());
			history.add(row);
		}
		task.setVariableLocal("caseHistory", jsonValue(history));
		if (TASK_DRAFT.equals(task.getTaskDefinitionKey())) {
			task.setVariable(SUBSTITUTES, ShortageCases.substituteCodes(products));
			task.setVariable(VALID_FROM, c.validFrom().toString());
			task.setVariable(VALID_TO, c.validTo().toString());
		}
	}

	private Object jsonValue(Object rows) {
		try {
			return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
