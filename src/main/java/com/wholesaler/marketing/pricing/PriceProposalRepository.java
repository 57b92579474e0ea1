package com.wholesaler.marketing.pricing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PriceProposalRepository {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	PriceProposalRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(PriceProposal p) {
		jdbc.sql("""
				INSERT INTO price_proposal (proposal_number, reason, effective_date, status, current_step, proposer, created_at)
				VALUES (:n, :reason, :date, :status, :step, :proposer, :created)""")
				.param("n", p.number()).param("reason", p.reason()).param("date", Date.valueOf(p.effectiveDate()))
				.param("status", p.status().name()).param("step", p.currentStep().name()).param("proposer", p.proposer())
				.param("created", Timestamp.valueOf(p.createdAt())).update();
	}

	void update(PriceProposal p) {
		jdbc.sql("""
				UPDATE price_proposal SET reason = :reason, effective_date = :date, status = :status, current_step = :step,
				       needs_executive = :exec, urgent_allowed = :urgentAllowed, urgent = :urgent, refusal = :refusal,
				       closed_at = :closed, process_instance_id = :instance
				WHERE proposal_number = :n""")
				.param("n", p.number()).param("reason", p.reason()).param("date", Date.valueOf(p.effectiveDate()))
				.param("status", p.status().name()).param("step", p.currentStep() == null ? null : p.currentStep().name())
				.param("exec", p.needsExecutive()).param("urgentAllowed", p.urgentAllowed()).param("urgent", p.urgent())
				.param("refusal", p.refusal())
				.param("closed", p.closedAt() == null ? null : Timestamp.valueOf(p.closedAt()))
				.param("instance", p.processInstanceId()).update();
	}

	Optional<PriceProposal> find(String number) {
		return jdbc.sql("SELECT * FROM price_proposal WHERE proposal_number = :n").param("n", number)
				.query(this::proposal).optional();
	}

	List<PriceProposal> recent(int limit) {
		return jdbc.sql("SELECT * FROM price_proposal ORDER BY created_at DESC, proposal_number DESC LIMIT :limit")
				.param("limit", limit).query(this::proposal).list();
	}

	/** Open proposals other than this one that change one of these products. */
	List<String> openProposalsFor(String exceptNumber, List<String> productCodes) {
		if (productCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT DISTINCT l.product_code || '（' || p.proposal_number || '）' FROM price_proposal_line l
				JOIN price_proposal p ON p.proposal_number = l.proposal_number
				WHERE p.status IN ('REVISING', 'IN_REVIEW', 'REPORTED', 'ACCEPTED') AND p.proposal_number <> :n
				  AND l.product_code IN (:codes)""")
				.param("n", exceptNumber == null ? "" : exceptNumber).param("codes", productCodes)
				.query(String.class).list();
	}

	List<PriceLine> lines(String number) {
		return jdbc.sql("""
				SELECT l.*, pr.name FROM price_proposal_line l JOIN product pr ON pr.code = l.product_code
				WHERE l.proposal_number = :n ORDER BY l.product_code""")
				.param("n", number)
				.query((rs, i) -> new PriceLine(rs.getString("product_code"), rs.getString("name"),
						rs.getBigDecimal("current_allocation"), rs.getBigDecimal("current_wholesale"),
						rs.getBigDecimal("current_retail"), rs.getBigDecimal("proposed_allocation"),
						rs.getBigDecimal("proposed_wholesale"), rs.getBigDecimal("proposed_retail"),
						rs.getBigDecimal("final_wholesale"), rs.getBigDecimal("final_retail"), rs.getString("warnings")))
				.list();
	}

	void replaceLines(String number, List<PriceLine> lines) {
		jdbc.sql("DELETE FROM price_proposal_line WHERE proposal_number = :n").param("n", number).update();
		template.batchUpdate("""
				INSERT INTO price_proposal_line (proposal_number, product_code, current_allocation, current_wholesale,
				    current_retail, proposed_allocation, proposed_wholesale, proposed_retail, final_wholesale, final_retail, warnings)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 100, (ps, l) -> {
					ps.setString(1, number);
					ps.setString(2, l.productCode());
					ps.setBigDecimal(3, l.currentAllocation());
					ps.setBigDecimal(4, l.currentWholesale());
					ps.setBigDecimal(5, l.currentRetail());
					ps.setBigDecimal(6, l.proposedAllocation());
					ps.setBigDecimal(7, l.proposedWholesale());
					ps.setBigDecimal(8, l.proposedRetail());
					ps.setBigDecimal(9, l.finalWholesale());
					ps.setBigDecimal(10, l.finalRetail());
					ps.setString(11, l.warnings());
				});
	}

	/** The day the product's wholesale price last changed, if the history knows. */
	Optional<LocalDate> lastWholesaleChange(String productCode) {
		return jdbc.sql("""
				SELECT MAX(cur.valid_from) FROM product_price cur JOIN product_price prev
				  ON prev.product_code = cur.product_code AND prev.valid_to = cur.valid_from
				WHERE cur.product_code = :code AND prev.wholesale_price <> cur.wholesale_price""")
				.param("code", productCode).query(Date.class).optional().map(Date::toLocalDate);
	}

	/** The prices in force, per product, with the day each took effect. */
	List<PriceListEntry> priceList() {
		return jdbc.sql("""
				SELECT p.code, p.name, p.brand, p.status, pp.allocation_price, pp.wholesale_price, pp.retail_price, pp.valid_from
				FROM product p JOIN product_price pp ON pp.product_code = p.code AND pp.valid_to IS NULL
				ORDER BY p.code""")
				.query((rs, i) -> new PriceListEntry(rs.getString("code"), rs.getString("name"), rs.getString("brand"),
						rs.getString("status"), rs.getBigDecimal("allocation_price"), rs.getBigDecimal("wholesale_price"),
						rs.getBigDecimal("retail_price"), rs.getDate("valid_from").toLocalDate()))
				.list();
	}

	List<PriceRecord> priceHistory(String productCode) {
		return jdbc.sql("SELECT * FROM product_price WHERE product_code = :code ORDER BY valid_from, id")
				.param("code", productCode).query(this::priceRecord).list();
	}

	/** Closes the price in force on the day and opens the new one; the product row carries the current price. */
	void changePrice(String productCode, java.math.BigDecimal allocation, java.math.BigDecimal wholesale,
			java.math.BigDecimal retail, LocalDate from, String proposalNumber) {
		jdbc.sql("UPDATE product_price SET valid_to = :from WHERE product_code = :code AND valid_to IS NULL")
				.param("from", Date.valueOf(from)).param("code", productCode).update();
		jdbc.sql("""
				INSERT INTO product_price (product_code, allocation_price, wholesale_price, retail_price, valid_from, proposal_number)
				VALUES (:code, :a, :w, :r, :from, :n)""")
				.param("code", productCode).param("a", allocation).param("w", wholesale).param("r", retail)
				.param("from", Date.valueOf(from)).param("n", proposalNumber).update();
		jdbc.sql("UPDATE product SET allocation_price = :a, wholesale_price = :w, retail_price = :r WHERE code = :code")
				.param("code", productCode).param("a", allocation).param("w", wholesale).param("r", retail).update();
	}

	private PriceRecord priceRecord(ResultSet rs, int i) throws SQLException {
		Date to = rs.getDate("valid_to");
		return new PriceRecord(rs.getString("product_code"), rs.getBigDecimal("allocation_price"),
				rs.getBigDecimal("wholesale_price"), rs.getBigDecimal("retail_price"), rs.getDate("valid_from").toLocalDate(),
				to == null ? null : to.toLocalDate(), rs.getString("proposal_number"));
	}

	private PriceProposal proposal(ResultSet rs, int i) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		String step = rs.getString("current_step");
		return new PriceProposal(rs.getString("proposal_number"), rs.getString("proposer"),
				rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("reason"),
				rs.getDate("effective_date").toLocalDate(), ProposalStatus.valueOf(rs.getString("status")),
				step == null ? null : ProposalStep.valueOf(step), rs.getBoolean("needs_executive"),
				rs.getBoolean("urgent_allowed"), rs.getBoolean("urgent"), rs.getString("refusal"),
				closed == null ? null : closed.toLocalDateTime(), rs.getString("process_instance_id"));
	}
}
