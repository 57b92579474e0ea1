package com.wholesaler.marketing.contract;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.LinesField;
import com.wholesaler.marketing.approval.LinesField.Column;

/** The contract forms' lines that the portal offers as a table (the draft, the arrival, the invoice). */
@Configuration(proxyBeanMethods = false)
class ContractLineFields {

	@Bean
	LinesField contractLineChanges() {
		return new LinesField(ContractProcess.LINE_CHANGES, "合同明細的修改或新增 (contract lines)",
				List.of(Column.number("數量（條，0 刪除）"), Column.optionalNumber("單價（元／條）"), Column.optionalText("理由（與計畫不同時必填）")),
				line -> LineChanges.parse(line).forEach(ContractLineFields::notNegative));
	}

	private static void notNegative(Contracts.LineChange change) {
		if (change.cartons() < 0) {
			throw new BusinessRuleException("規格 %s 的數量必須是正整數（條）(cartons must be positive)".formatted(change.productCode()));
		}
	}

	@Bean
	LinesField arrivedCartons() {
		return new LinesField(ContractProcess.ARRIVAL_RECORD, "到貨記錄 (cartons received)", List.of(Column.number("條數")),
				ArrivalRecord::received);
	}

	@Bean
	LinesField damagedCartons() {
		return new LinesField("damage", "破損或短少 (damaged or missing)", List.of(Column.number("條數")), ArrivalRecord::damage);
	}

	@Bean
	LinesField invoiceLines() {
		return new LinesField(ContractProcess.INVOICE_LINES, "發票明細 (invoice lines)",
				List.of(Column.number("數量（條）"), Column.number("單價（元／條）"), Column.number("金額（元）")),
				ContractPerformanceSteps::lines);
	}
}
