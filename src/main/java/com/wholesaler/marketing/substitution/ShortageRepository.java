package com.wholesaler.marketing.substitution;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ShortageRepository {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ShortageRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(ShortageCase c) {
		jdbc.sql("""
				INSERT INTO shortage_case (case_number, product_code, started_by, status, current_step, note, created_at)
				VALUES (:n, :p, :by, :status, :step, :note, :at)""")
				.param("n", c.caseNumber()).param("p", c.productCode()).param("by", c.startedBy())
				.param("status", c.status().name()).param("step", c.currentStep().name()).param("note", c.note())
				.param("at", Timestamp.valueOf(c.createdAt())).update();
	}

	void update(ShortageCase c) {
		jdbc.sql("""
				UPDATE shortage_case SET drafter = :drafter, status = :status, current_step = :step, valid_from = :from,
				       valid_to = :to, note = :note, closed_at = :closed, process_instance_id = :instance
				WHERE case_number = :n""")
				.param("n", c.caseNumber()).param("drafter", c.drafter()).param("status", c.status().name())
				.param("step", c.currentStep() == null ? null : c.currentStep().name())
				.param("from", c.validFrom() == null ? null : Date.valueOf(c.validFrom()))
				.param("to", c.validTo() == null ? null : Date.valueOf(c.validTo())).param("note", c.note())
				.param("closed", c.closedAt() == null ? null : Timestamp.valueOf(c.closedAt()))
				.param("instance", c.processInstanceId()).update();
	}

	Optional<ShortageCase> find(String caseNumber) {
		return jdbc.sql("SELECT * FROM shortage_case WHERE case_number = :n").param("n", caseNumber).query(this::shortageCase).optional();
	}

	Optional<ShortageCase> openCaseFor(String productCode) {
		return jdbc.sql("SELECT * FROM shortage_case WHERE product_code = :p AND status IN ('DRAFTING', 'IN_REVIEW', 'ACTIVE')")
				.param("p", productCode).query(this::shortageCase).optional();
	}

	List<ShortageCase> recent(int limit) {
		return jdbc.sql("SELECT * FROM shortage_case ORDER BY created_at DESC, case_number DESC LIMIT :l").param("l", limit)
				.query(this::shortageCase).list();
	}

	List<ShortageCase> activeCases() {
		return jdbc.sql("SELECT * FROM shortage_case WHERE status = 'ACTIVE' ORDER BY case_number").query(this::shortageCase).list();
	}

	void replaceProducts(String caseNumber, List<ShortageProduct> products) {
		jdbc.sql("DELETE FROM shortage_limit WHERE case_number = :n").param("n", caseNumber).update();
		jdbc.sql("DELETE FROM shortage_product WHERE case_number = :n").param("n", caseNumber).update();
		template.batchUpdate("INSERT INTO shortage_product (case_number, product_code, position, available_cartons) VALUES (?, ?, ?, ?)",
				products, 50, (ps, p) -> {
					ps.setString(1, caseNumber);
					ps.setString(2, p.productCode());
					ps.setInt(3, p.position());
					ps.setInt(4, p.availableCartons());
				});
		List<Object[]> limits = new ArrayList<>();
		for (ShortageProduct p : products) {
			for (int t = 1; t <= TierAllocation.TIERS; t++) {
				limits.add(new Object[] {caseNumber, p.productCode(), t, p.limits()[t]});
			}
		}
		template.batchUpdate("INSERT INTO shortage_limit (case_number, product_code, tier, limit_cartons) VALUES (?, ?, ?, ?)", limits);
	}

	List<ShortageProduct> products(String caseNumber) {
		Map<String, int[]> limits = new LinkedHashMap<>();
		jdbc.sql("SELECT product_code, tier, limit_cartons FROM shortage_limit WHERE case_number = :n").param("n", caseNumber)
				.query((RowCallbackHandler) rs -> limits.computeIfAbsent(rs.getString("product_code"),
						k -> new int[TierAllocation.TIERS + 1])[rs.getInt("tier")] = rs.getInt("limit_cartons"));
		return jdbc.sql("""
				SELECT sp.*, p.name FROM shortage_product sp JOIN product p ON p.code = sp.product_code
				WHERE sp.case_number = :n ORDER BY sp.position""").param("n", caseNumber)
				.query((rs, i) -> new ShortageProduct(rs.getString("product_code"), rs.getString("name"), rs.getInt("position"),
						rs.getInt("available_cartons"), limits.getOrDefault(rs.getString("product_code"), new int[TierAllocation.TIERS + 1])))
				.list();
	}

	void publish(String caseNumber, List<ShortageProduct> products, LocalDate from, LocalDate to) {
		List<Object[]> rows = new ArrayList<>();
		for (ShortageProduct p : products) {
			for (int t = 1; t <= TierAllocation.TIERS; t++) {
				rows.add(new Object[] {p.productCode(), t, p.limits()[t], Date.valueOf(from), Date.valueOf(to), caseNumber});
			}
		}
		template.batchUpdate("""
				INSERT INTO allocation_limit (product_code, tier, limit_cartons, valid_from, valid_to, case_number)
				VALUES (?, ?, ?, ?, ?, ?)""", rows);
	}

	boolean limitsInForce(String caseNumber) {
		return jdbc.sql("SELECT COUNT(*) FROM allocation_limit WHERE case_number = :n AND ended_at IS NULL").param("n", caseNumber)
				.query(Long.class).single() > 0;
	}

	void endLimits(String caseNumber, LocalDateTime at) {
		jdbc.sql("UPDATE allocation_limit SET ended_at = :at WHERE case_number = :n AND ended_at IS NULL")
				.param("at", Timestamp.valueOf(at)).param("n", caseNumber).update();
	}

	/** Limits in force on the day: published, within their dates and not ended. */
	List<ActiveLimit> activeLimits(LocalDate day) {
		return jdbc.sql("""
				SELECT a.*, p.name FROM allocation_limit a JOIN product p ON p.code = a.product_code
				WHERE a.ended_at IS NULL AND a.valid_from <= :d AND a.valid_to >= :d
				ORDER BY a.product_code, a.tier""").param("d", Date.valueOf(day))
				.query((rs, i) -> new ActiveLimit(rs.getString("product_code"), rs.getString("name"), rs.getInt("tier"),
						rs.getInt("limit_cartons"), rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
						rs.getString("case_number")))
				.list();
	}

	/** The most recent limits a product had (last week's), per tier; empty when it never had any. */
	Optional<int[]> previousLimits(String productCode, String exceptCase) {
		List<String> cases = jdbc.sql("""
				SELECT case_number FROM allocation_limit WHERE product_code = :p AND case_number <> :n
				GROUP BY case_number ORDER BY MAX(valid_from) DESC""").param("p", productCode).param("n", exceptCase)
				.query(String.class).list();
		if (cases.isEmpty()) {
			return Optional.empty();
		}
		int[] limits = new int[TierAllocation.TIERS + 1];
		jdbc.sql("SELECT tier, limit_cartons FROM allocation_limit WHERE product_code = :p AND case_number = :n")
				.param("p", productCode).param("n", cases.get(0))
				.query((RowCallbackHandler) rs -> limits[rs.getInt("tier")] = rs.getInt("limit_cartons"));
		return Optional.of(limits);
	}

	private ShortageCase shortageCase(ResultSet rs, int i) throws SQLException {
		Date from = rs.getDate("valid_from");
		Date to = rs.getDate("valid_to");
		Timestamp closed = rs.getTimestamp("closed_at");
		String step = rs.getString("current_step");
		return new ShortageCase(rs.getString("case_number"), rs.getString("product_code"), rs.getString("started_by"),
				rs.getString("drafter"), ShortageStatus.valueOf(rs.getString("status")), step == null ? null : ShortageStep.valueOf(step),
				from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString("note"),
				rs.getTimestamp("created_at").toLocalDateTime(), closed == null ? null : closed.toLocalDateTime(),
				rs.getString("process_instance_id"));
	}
}
