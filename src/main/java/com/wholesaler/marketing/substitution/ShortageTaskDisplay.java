package com.wholesaler.marketing.substitution;

import static com.wholesaler.marketing.substitution.ShortageProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.AdministratorInterventions;

/**
 * What the shortage forms show, read from the case when each task is created: the products with
 * what they have for the week and their limits by tier, and the history. The draft task also gets
 * the substitutes and the validity to edit. The previous step's answers are cleared.
 */
@Component
public class ShortageTaskDisplay implements TaskListener {

	private final ShortageCases cases;
	private final ObjectMapper json;
	private final AdministratorInterventions interventions;

	public ShortageTaskDisplay(ShortageCases cases, ObjectMapper json, AdministratorInterventions interventions) {
		this.cases = cases;
		this.json = json;
		this.interventions = interventions;
	}

	@Override
	public void notify(DelegateTask task) {
		// the choices and the comment start empty for every task (AnswersStartEmpty); the limit changes are the draft's text
		task.getExecution().removeVariable(LIMIT_CHANGES);
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
		task.setVariableLocal("limitRows", FormTables.json(json, rows));
		task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(interventions.sheet(cases.history(number), task.getProcessInstanceId()))));
		if (TASK_DRAFT.equals(task.getTaskDefinitionKey())) {
			task.setVariable(SUBSTITUTES, ShortageCases.substituteCodes(products));
			task.setVariable(VALID_FROM, c.validFrom().toString());
			task.setVariable(VALID_TO, c.validTo().toString());
		}
	}
}
