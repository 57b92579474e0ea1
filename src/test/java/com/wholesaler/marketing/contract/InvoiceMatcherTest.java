package com.wholesaler.marketing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.wholesaler.marketing.contract.InvoiceMatcher.Invoice;
import com.wholesaler.marketing.contract.InvoiceMatcher.InvoiceLine;

class InvoiceMatcherTest {

	private static final List<ContractLine> CONTRACT = List.of(
			new ContractLine("P0001", "中華(硬)", 1000, new BigDecimal("295.59"), null, null, null, 600),
			new ContractLine("P0002", "熊貓(硬)", 500, new BigDecimal("525.00"), null, null, null, 500));

	private static Invoice invoice(List<InvoiceLine> lines, String amount, String tax) {
		return new Invoice("INV-1", new BigDecimal(amount), new BigDecimal(tax), lines);
	}

	private static InvoiceLine line(String code, int cartons, String price, String amount) {
		return new InvoiceLine(code, cartons, new BigDecimal(price), new BigDecimal(amount));
	}

	@Test
	void aCorrectInvoiceMatches() {
		// 600 × 295.59 = 177,354.00; 500 × 525 = 262,500.00; total 439,854.00; tax 57,181.02
		Invoice invoice = invoice(List.of(line("P0001", 600, "295.59", "177354.00"), line("P0002", 500, "525.00", "262500.00")),
				"439854.00", "57181.02");
		assertThat(InvoiceMatcher.match(invoice, CONTRACT, Map.of()).matches()).isTrue();
	}

	@Test
	void aCentPerLineIsTolerated() {
		Invoice invoice = invoice(List.of(line("P0001", 600, "295.59", "177354.01")), "177354.01", "23056.03");
		assertThat(InvoiceMatcher.match(invoice, CONTRACT, Map.of()).mismatches()).isEmpty();
	}

	@Test
	void aDifferentPriceIsAMismatch() {
		Invoice invoice = invoice(List.of(line("P0001", 600, "296.00", "177600.00")), "177600.00", "23088.00");
		assertThat(InvoiceMatcher.match(invoice, CONTRACT, Map.of()).mismatches()).singleElement().asString().contains("單價");
	}

	@Test
	void billingMoreThanArrivedOrAlreadyBilledIsAMismatch() {
		Invoice tooMany = invoice(List.of(line("P0001", 700, "295.59", "206913.00")), "206913.00", "26898.69");
		assertThat(InvoiceMatcher.match(tooMany, CONTRACT, Map.of()).mismatches()).anySatisfy(m -> assertThat(m).contains("超過已到貨"));
		Invoice again = invoice(List.of(line("P0002", 500, "525.00", "262500.00")), "262500.00", "34125.00");
		assertThat(InvoiceMatcher.match(again, CONTRACT, Map.of("P0002", 100)).matches()).isFalse();
	}

	@Test
	void wrongTotalsOrTaxOrAForeignProductAreMismatches() {
		Invoice invoice = invoice(List.of(line("P0001", 10, "295.59", "2955.90"), line("P0999", 1, "10.00", "10.00")),
				"3000.00", "100.00");
		List<String> mismatches = InvoiceMatcher.match(invoice, CONTRACT, Map.of()).mismatches();
		assertThat(mismatches).anySatisfy(m -> assertThat(m).contains("不在合同中"));
		assertThat(mismatches).anySatisfy(m -> assertThat(m).contains("明細合計"));
		assertThat(mismatches).anySatisfy(m -> assertThat(m).contains("稅額"));
	}
}
