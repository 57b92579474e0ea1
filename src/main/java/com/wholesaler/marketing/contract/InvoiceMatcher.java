package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 增值稅專用發票核對: an invoice matches when every line is a product of the contract at the
 * contract's price, its amount is cartons × price, it bills no more than has arrived and is not yet
 * billed, and the totals add up with 13 % VAT. Each comparison allows 0.01 yuan per line.
 */
public final class InvoiceMatcher {

	public static final BigDecimal VAT_RATE = new BigDecimal("0.13");
	public static final BigDecimal TOLERANCE = new BigDecimal("0.01");

	/** One line of the invoice. */
	public record InvoiceLine(String productCode, int cartons, BigDecimal unitPrice, BigDecimal amount) {
	}

	public record Invoice(String invoiceNumber, BigDecimal amountExcludingTax, BigDecimal tax, List<InvoiceLine> lines) {
	}

	/** The mismatches found; none means the invoice matches. */
	public record Result(List<String> mismatches) {
		public boolean matches() {
			return mismatches.isEmpty();
		}
	}

	private InvoiceMatcher() {
	}

	/**
	 * @param contractLines the contract's lines with what has arrived
	 * @param alreadyInvoiced cartons per product on earlier invoices of this contract
	 */
	public static Result match(Invoice invoice, List<ContractLine> contractLines, Map<String, Integer> alreadyInvoiced) {
		List<String> mismatches = new ArrayList<>();
		if (invoice.lines().isEmpty()) {
			mismatches.add("發票沒有明細 (no lines)");
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (InvoiceLine line : invoice.lines()) {
			ContractLine contract = contractLines.stream().filter(l -> l.productCode().equals(line.productCode())).findFirst().orElse(null);
			sum = sum.add(line.amount());
			if (contract == null) {
				mismatches.add("%s 不在合同中 (not in the contract)".formatted(line.productCode()));
				continue;
			}
			if (differs(line.unitPrice(), contract.unitPrice(), 1)) {
				mismatches.add("%s 單價 %s 與合同單價 %s 不符 (price)".formatted(line.productCode(), line.unitPrice(), contract.unitPrice()));
			}
			if (differs(line.amount(), line.unitPrice().multiply(BigDecimal.valueOf(line.cartons())), 1)) {
				mismatches.add("%s 金額 %s 不等於 %d 條 × %s (amount)".formatted(line.productCode(), line.amount(), line.cartons(), line.unitPrice()));
			}
			int billable = contract.receivedCartons() - alreadyInvoiced.getOrDefault(line.productCode(), 0);
			if (line.cartons() > billable) {
				mismatches.add("%s 開票 %d 條，超過已到貨未開票的 %d 條 (more than received)".formatted(line.productCode(), line.cartons(), billable));
			}
		}
		int lines = Math.max(1, invoice.lines().size());
		if (differs(invoice.amountExcludingTax(), sum, lines)) {
			mismatches.add("不含稅金額 %s 與明細合計 %s 不符 (total)".formatted(invoice.amountExcludingTax(), sum.setScale(2, RoundingMode.HALF_UP)));
		}
		BigDecimal expectedTax = invoice.amountExcludingTax().multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP);
		if (differs(invoice.tax(), expectedTax, lines)) {
			mismatches.add("稅額 %s 不等於 13%% 的 %s (tax)".formatted(invoice.tax(), expectedTax));
		}
		return new Result(mismatches);
	}

	private static boolean differs(BigDecimal a, BigDecimal b, int lines) {
		return a.subtract(b).abs().compareTo(TOLERANCE.multiply(BigDecimal.valueOf(lines))) > 0;
	}
}
