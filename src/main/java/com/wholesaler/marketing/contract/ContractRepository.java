package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContractRepository {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ContractRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(Contract c) {
		jdbc.sql("""
				INSERT INTO contract (contract_number, plan_number, manufacturer_code, period, reason, status, current_step, created_at,
				                      process_instance_id)
				VALUES (:n, :plan, :m, :period, :reason, :status, :step, :at, :instance)""")
				.param("n", c.contractNumber()).param("plan", c.planNumber()).param("m", c.manufacturerCode())
				.param("period", c.period()).param("reason", c.reason()).param("status", c.status().name())
				.param("step", c.currentStep().name()).param("at", Timestamp.valueOf(c.createdAt()))
				.param("instance", c.processInstanceId()).update();
	}

	void update(Contract c) {
		jdbc.sql("""
				UPDATE contract SET status = :status, current_step = :step, drafter = :drafter, payment_terms = :terms,
				       platform_contract_number = :platform, signed_at = :signed, closed_at = :closed, process_instance_id = :instance
				WHERE contract_number = :n""")
				.param("n", c.contractNumber()).param("status", c.status().name())
				.param("step", c.currentStep() == null ? null : c.currentStep().name()).param("drafter", c.drafter())
				.param("terms", c.paymentTerms()).param("platform", c.platformContractNumber())
				.param("signed", c.signedAt() == null ? null : Timestamp.valueOf(c.signedAt()))
				.param("closed", c.closedAt() == null ? null : Timestamp.valueOf(c.closedAt()))
				.param("instance", c.processInstanceId()).update();
	}

	Optional<Contract> find(String number) {
		return jdbc.sql("SELECT * FROM contract WHERE contract_number = :n").param("n", number).query(this::contract).optional();
	}

	/** The contract an approved plan opened with a manufacturer, if any: there is one at most. */
	Optional<String> numberFor(String planNumber, String manufacturerCode) {
		return jdbc.sql("SELECT contract_number FROM contract WHERE plan_number = :plan AND manufacturer_code = :m")
				.param("plan", planNumber).param("m", manufacturerCode).query(String.class).optional();
	}

	List<Contract> recent(int limit) {
		return jdbc.sql("SELECT * FROM contract ORDER BY created_at DESC, contract_number DESC LIMIT :l").param("l", limit)
				.query(this::contract).list();
	}

	List<ContractLine> lines(String number) {
		return jdbc.sql("""
				SELECT l.*, p.name,
				       COALESCE((SELECT SUM(al.cartons) FROM contract_arrival_line al JOIN contract_arrival a ON a.id = al.arrival_id
				                 WHERE a.contract_number = l.contract_number AND al.product_code = l.product_code), 0) AS received
				FROM contract_line l JOIN product p ON p.code = l.product_code
				WHERE l.contract_number = :n ORDER BY l.product_code""").param("n", number)
				.query((rs, i) -> new ContractLine(rs.getString("product_code"), rs.getString("name"), rs.getInt("cartons"),
						rs.getBigDecimal("unit_price"), (Integer) rs.getObject("planned_cartons", Integer.class),
						rs.getBigDecimal("planned_price"), rs.getString("deviation_reason"), rs.getInt("received")))
				.list();
	}

	void replaceLines(String number, List<ContractLine> lines) {
		jdbc.sql("DELETE FROM contract_line WHERE contract_number = :n").param("n", number).update();
		insertLines(number, lines);
	}

	void insertLines(String number, List<ContractLine> lines) {
		template.batchUpdate("""
				INSERT INTO contract_line (contract_number, product_code, cartons, unit_price, planned_cartons, planned_price, deviation_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", lines, 100, (ps, l) -> {
					ps.setString(1, number);
					ps.setString(2, l.productCode());
					ps.setInt(3, l.cartons());
					ps.setBigDecimal(4, l.unitPrice());
					ps.setObject(5, l.plannedCartons());
					ps.setBigDecimal(6, l.plannedPrice());
					ps.setString(7, l.deviationReason());
				});
	}

	/** The deliveries received, oldest first, each with its lines as "code cartons" text. */
	List<ContractArrival> arrivals(String number) {
		// all lines of the contract's arrivals at once, grouped by arrival: text, cartons, damaged
		Map<Long, List<String>> text = new HashMap<>();
		Map<Long, int[]> totals = new HashMap<>();
		jdbc.sql("""
				SELECT l.arrival_id, l.product_code, l.cartons, l.damaged_cartons FROM contract_arrival_line l
				JOIN contract_arrival a ON a.id = l.arrival_id WHERE a.contract_number = :n ORDER BY l.arrival_id, l.product_code""")
				.param("n", number).query((RowCallbackHandler) r -> {
					long id = r.getLong("arrival_id");
					int cartons = r.getInt("cartons");
					int damaged = r.getInt("damaged_cartons");
					text.computeIfAbsent(id, k -> new ArrayList<>())
							.add(r.getString("product_code") + " " + cartons + " 條" + (damaged > 0 ? "（破損 " + damaged + "）" : ""));
					int[] sum = totals.computeIfAbsent(id, k -> new int[2]);
					sum[0] += cartons;
					sum[1] += damaged;
				});
		return jdbc.sql("""
				SELECT a.id, a.received_at, a.received_by, a.note,
				       (SELECT COUNT(*) FROM received_case r WHERE r.arrival_id = a.id) AS cases
				FROM contract_arrival a WHERE a.contract_number = :n ORDER BY a.id""").param("n", number)
				.query((rs, i) -> {
					long id = rs.getLong("id");
					int[] sum = totals.getOrDefault(id, new int[2]);
					return new ContractArrival(id, rs.getTimestamp("received_at").toLocalDateTime(), rs.getString("received_by"),
							rs.getString("note"), String.join("；", text.getOrDefault(id, List.of())), sum[0], sum[1], rs.getInt("cases"));
				}).list();
	}

	void setDeliverySchedule(String number, String schedule) {
		jdbc.sql("UPDATE contract SET delivery_schedule = :s WHERE contract_number = :n").param("n", number).param("s", schedule).update();
	}

	long recordArrival(String number, String by, String note, LocalDateTime at) {
		jdbc.sql("INSERT INTO contract_arrival (contract_number, received_at, received_by, note) VALUES (:n, :at, :by, :note)")
				.param("n", number).param("at", Timestamp.valueOf(at)).param("by", by).param("note", note).update();
		return jdbc.sql("SELECT MAX(id) FROM contract_arrival WHERE contract_number = :n").param("n", number).query(Long.class).single();
	}

	void addArrivalLine(long arrivalId, String productCode, int cartons, int damaged) {
		jdbc.sql("INSERT INTO contract_arrival_line (arrival_id, product_code, cartons, damaged_cartons) VALUES (:a, :p, :c, :d)")
				.param("a", arrivalId).param("p", productCode).param("c", cartons).param("d", damaged).update();
	}

	List<String> caseCodesAlreadyReceived(List<String> caseCodes) {
		if (caseCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT case_code FROM received_case WHERE case_code IN (:codes)").param("codes", caseCodes)
				.query(String.class).list();
	}

	void addReceivedCase(String caseCode, String number, String productCode, int cartons, long arrivalId) {
		jdbc.sql("""
				INSERT INTO received_case (case_code, contract_number, product_code, cartons, arrival_id)
				VALUES (:code, :n, :p, :c, :a)""")
				.param("code", caseCode).param("n", number).param("p", productCode).param("c", cartons).param("a", arrivalId).update();
	}

	/** Received goods go on hand (less what is damaged) and leave transit. */
	void receiveIntoStock(String productCode, int received, int damaged) {
		jdbc.sql("""
				UPDATE stock SET on_hand = on_hand + :good,
				       in_transit = CASE WHEN in_transit > :received THEN in_transit - :received ELSE 0 END
				WHERE product_code = :p""")
				.param("good", received - damaged).param("received", received).param("p", productCode).update();
	}

	private Contract contract(ResultSet rs, int i) throws SQLException {
		String step = rs.getString("current_step");
		Timestamp signed = rs.getTimestamp("signed_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Contract(rs.getString("contract_number"), rs.getString("plan_number"), rs.getString("manufacturer_code"),
				rs.getString("period"), rs.getString("reason"), ContractStatus.valueOf(rs.getString("status")),
				step == null ? null : ContractStep.valueOf(step), rs.getString("drafter"), rs.getString("payment_terms"),
				rs.getString("platform_contract_number"), rs.getTimestamp("created_at").toLocalDateTime(),
				signed == null ? null : signed.toLocalDateTime(), closed == null ? null : closed.toLocalDateTime(),
				rs.getString("process_instance_id"), rs.getString("delivery_schedule"));
	}

	static BigDecimal zeroIfNull(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}
}
