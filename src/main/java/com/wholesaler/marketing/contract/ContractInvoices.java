package com.wholesaler.marketing.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * VAT invoices against a contract and their collection-acceptance payment (托收承付): the company
 * may refuse within 3 days (documents check) or 10 days (goods check) with a coded reason; silence
 * means acceptance.
 */
@Service
@Transactional
public class ContractInvoices {

	public static final String MATCHED = "MATCHED";
	public static final String MISMATCHED = "MISMATCHED";
	public static final String ACCEPTED_DESPITE = "ACCEPTED_DESPITE";
	public static final String WITHDRAWN = "WITHDRAWN";
	public static final String PAID = "PAID";
	public static final String REFUSED = "REFUSED";
	/** The coded reasons a payment may be refused for. */
	public static final Set<String> REFUSAL_CODES = Set.of("GOODS_MISMATCH", "DOCUMENTS_MISMATCH", "PRICE_MISMATCH", "QUANTITY_MISMATCH");
	private static final List<String> COUNTING = List.of(MATCHED, ACCEPTED_DESPITE, PAID);

	private final InvoiceRepository invoices;
	private final ContractRepository contracts;
	private final Clock clock;

	private final ApprovalSheet sheet;

	ContractInvoices(InvoiceRepository invoices, ContractRepository contracts, Clock clock, ApprovalSheet sheet) {
		this.sheet = sheet;
		this.invoices = invoices;
		this.contracts = contracts;
		this.clock = clock;
	}

	/** Records the invoice and checks it against the contract and what has arrived; returns the mismatches. */
	public List<String> receive(String contractNumber, InvoiceMatcher.Invoice invoice, LocalDate invoiceDate, String checkType, String by) {
		Contract c = contracts.find(contractNumber).orElseThrow(() -> new BusinessRuleException("找不到合同 " + contractNumber));
		c.requireInvoicing();
		if (invoice.invoiceNumber() == null || invoice.invoiceNumber().isBlank()) {
			throw new BusinessRuleException("請填寫發票號碼 (invoice number required)");
		}
		if (invoices.exists(invoice.invoiceNumber())) {
			throw new BusinessRuleException("發票 %s 已經登記過 (invoice already recorded)".formatted(invoice.invoiceNumber()));
		}
		if (invoiceDate == null || invoiceDate.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("請填寫發票日期，不能晚於今天 (invoice date)".formatted());
		}
		if (!"DOCUMENTS".equals(checkType) && !"GOODS".equals(checkType)) {
			throw new BusinessRuleException("請選擇驗單付款（3 天）或驗貨付款（10 天）(check type)");
		}
		if (invoice.amountExcludingTax() == null || invoice.tax() == null || invoice.amountExcludingTax().signum() <= 0) {
			throw new BusinessRuleException("請填寫不含稅金額和稅額 (amounts required)");
		}
		InvoiceMatcher.Result result = InvoiceMatcher.match(invoice, contracts.lines(contractNumber),
				invoices.invoicedCartons(contractNumber, COUNTING));
		invoices.insert(contractNumber, invoice, invoiceDate, checkType, result.matches() ? MATCHED : MISMATCHED,
				result.matches() ? null : String.join("；", result.mismatches()), now());
		event(contractNumber, result.matches() ? ApprovalEventType.INVOICE_MATCHED : ApprovalEventType.INVOICE_MISMATCH,
				"發票 %s：%s".formatted(invoice.invoiceNumber(), result.matches() ? "與合同及到貨相符" : String.join("；", result.mismatches())), by);
		return result.mismatches();
	}

	/** The discrepancy resolved with the manufacturer: the invoice is accepted with a reason, or withdrawn for a corrected one. */
	public void resolve(String invoiceNumber, boolean accept, String reason, String by) {
		ContractInvoice invoice = invoice(invoiceNumber);
		if (!MISMATCHED.equals(invoice.status())) {
			throw new BusinessRuleException("發票 %s 沒有待處理的差異 (no discrepancy)".formatted(invoiceNumber));
		}
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("請說明差異的處理結果 (a reason is required)");
		}
		invoices.setStatus(invoiceNumber, accept ? ACCEPTED_DESPITE : WITHDRAWN, null, now());
		event(invoice.contractNumber(), accept ? ApprovalEventType.INVOICE_ACCEPTED : ApprovalEventType.INVOICE_WITHDRAWN, "發票 %s：%s".formatted(invoiceNumber, reason), by);
	}

	/** 托收承付: accepted (by a person, or by silence when the time runs out) or refused with a coded reason. */
	public void decidePayment(String invoiceNumber, boolean accept, String refusalCode, String comment, String by) {
		ContractInvoice invoice = invoice(invoiceNumber);
		if (!MATCHED.equals(invoice.status()) && !ACCEPTED_DESPITE.equals(invoice.status())) {
			throw new BusinessRuleException("發票 %s 不在待付款狀態 (not awaiting payment)".formatted(invoiceNumber));
		}
		if (!accept && (refusalCode == null || !REFUSAL_CODES.contains(refusalCode))) {
			throw new BusinessRuleException("拒付須選擇拒付理由代碼 (a refusal needs a coded reason)");
		}
		invoices.setStatus(invoiceNumber, accept ? PAID : REFUSED, accept ? null : refusalCode, now());
		event(invoice.contractNumber(), accept ? ApprovalEventType.PAID : ApprovalEventType.PAYMENT_REFUSED, "發票 %s %s%s".formatted(invoiceNumber,
				accept ? "承付" : "拒付（" + refusalCode + "）", comment == null || comment.isBlank() ? "" : "：" + comment),
				by == null ? "系統（逾期視為承付）" : by);
	}

	/** Every line delivered, invoiced and paid in full. */
	@Transactional(readOnly = true)
	public boolean allInvoicedAndPaid(String contractNumber) {
		Map<String, Integer> paid = invoices.invoicedCartons(contractNumber, List.of(PAID));
		return contracts.lines(contractNumber).stream().allMatch(l -> paid.getOrDefault(l.productCode(), 0) >= l.cartons());
	}

	/** Cartons invoiced (matched, accepted or paid) per product of the contract. */
	@Transactional(readOnly = true)
	public Map<String, Integer> invoicedCartons(String contractNumber) {
		return invoices.invoicedCartons(contractNumber, COUNTING);
	}

	@Transactional(readOnly = true)
	public Map<String, Integer> paidCartons(String contractNumber) {
		return invoices.invoicedCartons(contractNumber, List.of(PAID));
	}

	/** Cartons invoiced, per contract. */
	@Transactional(readOnly = true)
	public Map<String, Integer> invoicedCartonsPerContract() {
		return invoices.cartonsPerContract(COUNTING);
	}

	/** Cartons paid, per contract. */
	@Transactional(readOnly = true)
	public Map<String, Integer> paidCartonsPerContract() {
		return invoices.cartonsPerContract(List.of(PAID));
	}

	/** The days the company has to refuse: 3 for a documents check, 10 for a goods check. */
	@Transactional(readOnly = true)
	public int acceptanceDays(String invoiceNumber) {
		return "GOODS".equals(invoice(invoiceNumber).checkType()) ? 10 : 3;
	}

	@Transactional(readOnly = true)
	public ContractInvoice invoice(String invoiceNumber) {
		return invoices.find(invoiceNumber).orElseThrow(() -> new BusinessRuleException("找不到發票 %s (no such invoice)".formatted(invoiceNumber)));
	}

	@Transactional(readOnly = true)
	public List<ContractInvoice> invoicesOf(String contractNumber) {
		return invoices.invoices(contractNumber);
	}

	private void event(String contractNumber, ApprovalEventType type, String comment, String by) {
		sheet.record(contractNumber, ContractStep.PERFORMANCE, type, comment, by);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}
}
