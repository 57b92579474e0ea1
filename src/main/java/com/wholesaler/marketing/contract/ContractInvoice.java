package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A VAT invoice against a contract, and where it stands in the check and the payment. */
public record ContractInvoice(String invoiceNumber, String contractNumber, LocalDate invoiceDate, BigDecimal amount, BigDecimal tax,
		String checkType, String status, String mismatches, String refusalCode, LocalDateTime receivedAt) {
}
