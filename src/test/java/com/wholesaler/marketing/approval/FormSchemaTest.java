package com.wholesaler.marketing.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The rules a Camunda Form states, held on the server against what a REST client sends. */
class FormSchemaTest {

	private static FormSchema form(String file) throws IOException {
		return FormSchema.parse(Files.readString(Path.of("forms", file)));
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void theFieldsAreTheFormsInputs() throws IOException {
		assertThat(form("price-proposal-director.form").keys()).containsExactlyInAnyOrder("decision", "comment");
		assertThat(form("price-proposal-outcome.form").keys()).isEmpty();
	}

	@Test
	void whatTheFormDoesNotAskForIsRefusedByName() throws IOException {
		assertThatThrownBy(() -> form("price-proposal-director.form").check(values("decision", "APPROVE",
				"needsExecutive", false, "proposalNumber", "JG-1")))
				.isInstanceOf(BusinessRuleException.class)
				.hasMessageContaining("needsExecutive").hasMessageContaining("proposalNumber").hasMessageStartingWith("表單");
	}

	@Test
	void aRequiredFieldMustBeSentAndNotEmpty() throws IOException {
		FormSchema invoice = form("contract-invoice.form");
		assertThatThrownBy(() -> invoice.check(values("invoiceNumber", "FP-1", "invoiceDate", "2026-12-01",
				"amountExcludingTax", "100.00", "tax", "13.00", "invoiceLines", "", "checkType", "DOCUMENTS")))
				.hasMessageContaining("invoiceLines").hasMessageContaining("必須填寫");
		assertThatThrownBy(() -> invoice.check(values("invoiceNumber", "FP-1")))
				.hasMessageContaining("invoiceDate").hasMessageContaining("checkType");
	}

	@Test
	void aRequiredCheckboxMustBeTicked() throws IOException {
		FormSchema notice = form("price-change-notice.form");
		assertThatThrownBy(() -> notice.check(values("acknowledged", false))).hasMessageContaining("必須填寫");
		assertThatThrownBy(() -> notice.check(values("acknowledged", "true"))).hasMessageContaining("勾選");
		assertThatCode(() -> notice.check(values("acknowledged", Variables.booleanValue(true)))).doesNotThrowAnyException();
	}

	@Test
	void aChoiceIsOneOfTheOptionsByItsLabels() throws IOException {
		assertThatThrownBy(() -> form("purchase-plan-review.form").check(values("decision", "REJECT")))
				.hasMessageContaining("只能選擇「同意」或「退回修改」").hasMessageContaining("REJECT");
		assertThatCode(() -> form("purchase-plan-review.form").check(values("decision", "RETURN", "comment", "再議")))
				.doesNotThrowAnyException();
	}

	@Test
	void patternAndLengthHoldAsInTheBrowser() throws IOException {
		FormSchema start = form("purchase-plan-start.form");
		assertThatThrownBy(() -> start.check(values("period", "2026-13"))).hasMessageContaining("格式不對");
		assertThatThrownBy(() -> start.check(values("period", "2026-12", "note", "長".repeat(501))))
				.hasMessageContaining("最多 500 字");
		assertThatCode(() -> start.check(values("period", "2026-12", "note", "長".repeat(500)))).doesNotThrowAnyException();
	}

	@Test
	void textFieldsTakeTextNotNumbersOrObjects() throws IOException {
		assertThatThrownBy(() -> form("purchase-plan-start.form").check(values("period", 202612)))
				.hasMessageContaining("應為文字");
		assertThatThrownBy(() -> form("purchase-plan-start.form").check(values("period", List.of("2026-12"))))
				.hasMessageContaining("應為文字");
	}

	@Test
	void numbersKeepTheirBounds() {
		FormSchema quantity = FormSchema.parse("""
				{"id":"q","components":[{"key":"cartons","type":"number","label":"數量（條）",
				"validate":{"required":true,"min":0,"max":5000}}]}""");
		assertThatThrownBy(() -> quantity.check(values("cartons", -1))).hasMessageContaining("不能小於 0");
		assertThatThrownBy(() -> quantity.check(values("cartons", 1e12))).hasMessageContaining("不能大於 5000");
		assertThatThrownBy(() -> quantity.check(values("cartons", "12"))).hasMessageContaining("應為數字");
		assertThatCode(() -> quantity.check(values("cartons", 12L))).doesNotThrowAnyException();
	}
}
