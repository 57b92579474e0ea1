package com.wholesaler.marketing.contract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AmendmentRepository {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	AmendmentRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(ContractAmendment a) {
		jdbc.sql("""
				INSERT INTO contract_amendment (amendment_number, contract_number, from_version, kind, reason, changes, new_delivery_schedule,
				                                quantity_change_pct, price_changed, status, requested_by, requested_at, current_step)
				VALUES (:n, :c, :v, :k, :r, :ch, :ds, :q, :p, :s, :by, :at, :step)""")
				.param("n", a.amendmentNumber()).param("c", a.contractNumber()).param("v", a.fromVersion()).param("k", a.kind().name())
				.param("r", a.reason()).param("ch", a.changes()).param("ds", a.newDeliverySchedule()).param("q", a.quantityChangePercent()).param("p", a.priceChanged())
				.param("s", a.status().name()).param("by", a.requestedBy()).param("at", Timestamp.valueOf(a.requestedAt()))
				.param("step", a.currentStep() == null ? null : a.currentStep().name()).update();
	}

	void update(ContractAmendment a) {
		jdbc.sql("UPDATE contract_amendment SET status = :s, decided_at = :at, current_step = :step, approval_route = :route WHERE amendment_number = :n")
				.param("n", a.amendmentNumber()).param("s", a.status().name())
				.param("step", a.currentStep() == null ? null : a.currentStep().name()).param("route", a.approvalRoute())
				.param("at", a.decidedAt() == null ? null : Timestamp.valueOf(a.decidedAt())).update();
	}

	void attachProcess(String amendmentNumber, String processInstanceId) {
		jdbc.sql("UPDATE contract_amendment SET process_instance_id = :p WHERE amendment_number = :n")
				.param("n", amendmentNumber).param("p", processInstanceId).update();
	}

	Optional<ContractAmendment> find(String amendmentNumber) {
		return jdbc.sql("SELECT * FROM contract_amendment WHERE amendment_number = :n").param("n", amendmentNumber)
				.query(AmendmentRepository::amendment).optional();
	}

	List<ContractAmendment> ofContract(String contractNumber) {
		return jdbc.sql("SELECT * FROM contract_amendment WHERE contract_number = :c ORDER BY requested_at, amendment_number")
				.param("c", contractNumber).query(AmendmentRepository::amendment).list();
	}

	void saveVersion(String contractNumber, int version, List<ContractLine> lines) {
		template.batchUpdate("INSERT INTO contract_line_version (contract_number, version, product_code, cartons, unit_price) VALUES (?, ?, ?, ?, ?)",
				lines, 100, (ps, l) -> {
					ps.setString(1, contractNumber);
					ps.setInt(2, version);
					ps.setString(3, l.productCode());
					ps.setInt(4, l.cartons());
					ps.setBigDecimal(5, l.unitPrice());
				});
	}

	/** Earlier versions, oldest first. */
	Map<Integer, List<ContractVersionLine>> versions(String contractNumber) {
		Map<Integer, List<ContractVersionLine>> versions = new TreeMap<>();
		jdbc.sql("""
				SELECT v.version, v.product_code, p.name, v.cartons, v.unit_price FROM contract_line_version v JOIN product p ON p.code = v.product_code
				WHERE v.contract_number = :c ORDER BY v.version, v.product_code""").param("c", contractNumber)
				.query((ResultSet rs) -> {
					versions.computeIfAbsent(rs.getInt("version"), v -> new java.util.ArrayList<>()).add(new ContractVersionLine(
							rs.getString("product_code"), rs.getString("name"), rs.getInt("cartons"), rs.getBigDecimal("unit_price")));
				});
		return new LinkedHashMap<>(versions);
	}

	private static ContractAmendment amendment(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ContractAmendment(rs.getString("amendment_number"), rs.getString("contract_number"), rs.getInt("from_version"),
				AmendmentKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("changes"), rs.getString("new_delivery_schedule"),
				rs.getBigDecimal("quantity_change_pct"), rs.getBoolean("price_changed"), ContractAmendment.Status.valueOf(rs.getString("status")),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toLocalDateTime(), decided == null ? null : decided.toLocalDateTime(),
				rs.getString("current_step") == null ? null : ContractStep.valueOf(rs.getString("current_step")), rs.getString("approval_route"));
	}
}
