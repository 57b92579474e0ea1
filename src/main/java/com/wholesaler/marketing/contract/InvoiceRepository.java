package com.wholesaler.marketing.contract;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String invoiceNumber) {
		return jdbc.sql("SELECT COUNT(*) FROM contract_invoice WHERE invoice_number = :n").param("n", invoiceNumber)
				.query(Long.class).single() > 0;
	}

	void insert(String contractNumber, InvoiceMatcher.Invoice invoice, LocalDate date, String checkType, String status,
			String mismatches, LocalDateTime at) {
		jdbc.sql("""
				INSERT INTO contract_invoice (invoice_number, contract_number, invoice_date, amount_excl_tax, tax, check_type,
				                              status, mismatches, received_at)
				VALUES (:n, :c, :d, :a, :t, :type, :s, :m, :at)""")
				.param("n", invoice.invoiceNumber()).param("c", contractNumber).param("d", Date.valueOf(date))
				.param("a", invoice.amountExcludingTax()).param("t", invoice.tax()).param("type", checkType).param("s", status)
				.param("m", mismatches).param("at", Timestamp.valueOf(at)).update();
		for (InvoiceMatcher.InvoiceLine l : invoice.lines()) {
			jdbc.sql("INSERT INTO contract_invoice_line (invoice_number, product_code, cartons, unit_price, amount) VALUES (:n, :p, :c, :u, :a)")
					.param("n", invoice.invoiceNumber()).param("p", l.productCode()).param("c", l.cartons())
					.param("u", l.unitPrice()).param("a", l.amount()).update();
		}
	}

	void setStatus(String invoiceNumber, String status, String refusalCode, LocalDateTime at) {
		jdbc.sql("UPDATE contract_invoice SET status = :s, refusal_code = :r, decided_at = :at WHERE invoice_number = :n")
				.param("n", invoiceNumber).param("s", status).param("r", refusalCode)
				.param("at", at == null ? null : Timestamp.valueOf(at)).update();
	}

	Optional<ContractInvoice> find(String invoiceNumber) {
		return jdbc.sql("SELECT * FROM contract_invoice WHERE invoice_number = :n").param("n", invoiceNumber)
				.query((rs, i) -> new ContractInvoice(rs.getString("invoice_number"), rs.getString("contract_number"),
						rs.getDate("invoice_date").toLocalDate(), rs.getBigDecimal("amount_excl_tax"), rs.getBigDecimal("tax"),
						rs.getString("check_type"), rs.getString("status"), rs.getString("mismatches"), rs.getString("refusal_code"),
						rs.getTimestamp("received_at").toLocalDateTime()))
				.optional();
	}

	/** Cartons per product on this contract's invoices that still count (being paid or paid). */
	Map<String, Integer> invoicedCartons(String contractNumber, List<String> countingStatuses) {
		Map<String, Integer> cartons = new HashMap<>();
		jdbc.sql("""
				SELECT l.product_code, SUM(l.cartons) AS cartons FROM contract_invoice_line l
				JOIN contract_invoice i ON i.invoice_number = l.invoice_number
				WHERE i.contract_number = :c AND i.status IN (:statuses) GROUP BY l.product_code""")
				.param("c", contractNumber).param("statuses", countingStatuses)
				.query((RowCallbackHandler) rs -> cartons.put(rs.getString("product_code"), rs.getInt("cartons")));
		return cartons;
	}

	/** Cartons on invoices in the given statuses, per contract, for every contract at once. */
	Map<String, Integer> cartonsPerContract(List<String> countingStatuses) {
		Map<String, Integer> cartons = new HashMap<>();
		jdbc.sql("""
				SELECT i.contract_number, SUM(l.cartons) AS cartons FROM contract_invoice_line l
				JOIN contract_invoice i ON i.invoice_number = l.invoice_number
				WHERE i.status IN (:statuses) GROUP BY i.contract_number""")
				.param("statuses", countingStatuses)
				.query((RowCallbackHandler) rs -> cartons.put(rs.getString("contract_number"), rs.getInt("cartons")));
		return cartons;
	}

	List<ContractInvoice> invoices(String contractNumber) {
		return jdbc.sql("SELECT * FROM contract_invoice WHERE contract_number = :c ORDER BY received_at, invoice_number")
				.param("c", contractNumber)
				.query((rs, i) -> new ContractInvoice(rs.getString("invoice_number"), rs.getString("contract_number"),
						rs.getDate("invoice_date").toLocalDate(), rs.getBigDecimal("amount_excl_tax"), rs.getBigDecimal("tax"),
						rs.getString("check_type"), rs.getString("status"), rs.getString("mismatches"), rs.getString("refusal_code"),
						rs.getTimestamp("received_at").toLocalDateTime()))
				.list();
	}
}
