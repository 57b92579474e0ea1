package com.wholesaler.marketing.purchaseplan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.wholesaler.marketing.approval.BusinessRuleException;

@Repository
class PurchasePlanRepository {

	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	PurchasePlanRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(PurchasePlan plan) {
		jdbc.sql("""
				INSERT INTO purchase_plan (plan_number, period, note, status, current_step, drafter, created_at)
				VALUES (:number, :period, :note, :status, :step, :drafter, :created)""")
				.param("number", plan.planNumber())
				.param("period", plan.period().toString())
				.param("note", plan.note())
				.param("status", plan.status().name())
				.param("step", plan.currentStep().name())
				.param("drafter", plan.drafter())
				.param("created", Timestamp.valueOf(plan.createdAt()))
				.update();
	}

	/**
	 * Writes the plan's state if nobody wrote it since it was read (its version); a write that lost
	 * the race is refused, and its transaction rolls back with everything it changed.
	 */
	void update(PurchasePlan plan) {
		int updated = jdbc.sql("""
				UPDATE purchase_plan SET status = :status, current_step = :step, submitted_at = :submitted,
				       closed_at = :closed, process_instance_id = :instance, version = version + 1
				WHERE plan_number = :number AND version = :version""")
				.param("number", plan.planNumber())
				.param("status", plan.status().name())
				.param("step", plan.currentStep() == null ? null : plan.currentStep().name())
				.param("submitted", timestamp(plan.submittedAt()))
				.param("closed", timestamp(plan.closedAt()))
				.param("instance", plan.processInstanceId())
				.param("version", plan.version())
				.update();
		if (updated == 0) {
			throw new BusinessRuleException("計畫 %s 剛被別人修改或提交，未做任何修改，請重新整理後再試 (changed meanwhile; nothing was changed)"
					.formatted(plan.planNumber()));
		}
	}


	Optional<PurchasePlan> find(String planNumber) {
		return jdbc.sql("SELECT * FROM purchase_plan WHERE plan_number = :number").param("number", planNumber)
				.query(this::plan).optional();
	}

	List<PlanLine> lines(String planNumber) {
		return jdbc.sql("""
				SELECT l.*, p.name AS product_name FROM purchase_plan_line l JOIN product p ON p.code = l.product_code
				WHERE l.plan_number = :number ORDER BY l.manufacturer_code, l.product_code""")
				.param("number", planNumber)
				.query(PurchasePlanRepository::line)
				.list();
	}

	/**
	 * The plan's status and month with what it buys from one manufacturer, in one query, since an
	 * approved plan drafts a contract for each of its manufacturers at once; empty for an unknown plan.
	 */
	Optional<PlanPurchase> purchaseFrom(String planNumber, String manufacturerCode) {
		record Row(PlanStatus status, YearMonth period, ApprovedPurchase.Line line) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT pp.status, pp.period, l.product_code, p.name AS product_name, l.planned_cartons, l.allocation_price
				FROM purchase_plan pp
				LEFT JOIN purchase_plan_line l ON l.plan_number = pp.plan_number AND l.manufacturer_code = :manufacturer
				                               AND l.planned_cartons > 0
				LEFT JOIN product p ON p.code = l.product_code
				WHERE pp.plan_number = :number ORDER BY l.product_code""")
				.param("number", planNumber).param("manufacturer", manufacturerCode)
				.query((rs, i) -> new Row(PlanStatus.valueOf(rs.getString("status")), YearMonth.parse(rs.getString("period")),
						rs.getString("product_code") == null ? null : new ApprovedPurchase.Line(rs.getString("product_code"),
								rs.getString("product_name"), rs.getInt("planned_cartons"), rs.getBigDecimal("allocation_price"))))
				.list();
		return rows.stream().findFirst().map(first -> new PlanPurchase(first.status(), new ApprovedPurchase(planNumber, first.period(),
				rows.stream().map(Row::line).filter(java.util.Objects::nonNull).toList())));
	}

	/** A plan's status and what it buys from a manufacturer, for {@link #purchaseFrom}. */
	record PlanPurchase(PlanStatus status, ApprovedPurchase purchase) {
	}

	private static PlanLine line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PlanLine(rs.getString("product_code"), rs.getString("product_name"), rs.getString("manufacturer_code"),
				rs.getInt("suggested_cartons"), rs.getInt("planned_cartons"), rs.getBigDecimal("allocation_price"));
	}

	void replaceLines(String planNumber, List<PlanLine> lines) {
		jdbc.sql("DELETE FROM purchase_plan_line WHERE plan_number = :number").param("number", planNumber).update();
		template.batchUpdate("""
				INSERT INTO purchase_plan_line (plan_number, product_code, manufacturer_code, suggested_cartons,
				                                planned_cartons, allocation_price) VALUES (?, ?, ?, ?, ?, ?)""",
				lines, BATCH, (ps, line) -> {
					ps.setString(1, planNumber);
					ps.setString(2, line.productCode());
					ps.setString(3, line.manufacturerCode());
					ps.setInt(4, line.suggestedCartons());
					ps.setInt(5, line.plannedCartons());
					ps.setBigDecimal(6, line.allocationPrice());
				});
	}

	void replaceBasis(String planNumber, String salesPlanNumber, List<PlanBasis> basis) {
		jdbc.sql("UPDATE purchase_plan SET sales_plan_number = :s WHERE plan_number = :number").param("s", salesPlanNumber)
				.param("number", planNumber).update();
		jdbc.sql("DELETE FROM purchase_plan_basis WHERE plan_number = :number").param("number", planNumber).update();
		template.batchUpdate("""
				INSERT INTO purchase_plan_basis (plan_number, product_code, forecast_suggested, planned_sales, sales_plan_suggested)
				VALUES (?, ?, ?, ?, ?)""", basis, BATCH, (ps, b) -> {
					ps.setString(1, planNumber);
					ps.setString(2, b.productCode());
					ps.setInt(3, b.forecastSuggested());
					ps.setObject(4, b.plannedSales(), java.sql.Types.INTEGER);
					ps.setObject(5, b.salesPlanSuggested(), java.sql.Types.INTEGER);
				});
	}

	Map<String, PlanBasis> basis(String planNumber) {
		Map<String, PlanBasis> basis = new java.util.HashMap<>();
		jdbc.sql("SELECT * FROM purchase_plan_basis WHERE plan_number = :number").param("number", planNumber)
				.query(rs -> {
					basis.put(rs.getString("product_code"), new PlanBasis(rs.getString("product_code"), rs.getInt("forecast_suggested"),
							(Integer) rs.getObject("planned_sales"), (Integer) rs.getObject("sales_plan_suggested")));
				});
		return basis;
	}

	java.util.Optional<String> salesPlanNumber(String planNumber) {
		return jdbc.sql("SELECT sales_plan_number FROM purchase_plan WHERE plan_number = :number").param("number", planNumber)
				.query(String.class).optional();
	}

	void replaceBatches(String planNumber, Map<String, Map<LocalDate, Integer>> byProduct) {
		jdbc.sql("DELETE FROM purchase_plan_batch WHERE plan_number = :number").param("number", planNumber).update();
		List<Object[]> rows = new ArrayList<>();
		byProduct.forEach((product, weeks) -> weeks.forEach((week, cartons) ->
				rows.add(new Object[] {planNumber, product, java.sql.Date.valueOf(week), cartons})));
		template.batchUpdate("INSERT INTO purchase_plan_batch (plan_number, product_code, week_start, cartons) VALUES (?, ?, ?, ?)",
				rows);
	}

	/** Cartons per delivery week over the whole plan. */
	Map<LocalDate, Long> cartonsPerWeek(String planNumber) {
		Map<LocalDate, Long> weeks = new java.util.TreeMap<>();
		jdbc.sql("SELECT week_start, SUM(cartons) AS cartons FROM purchase_plan_batch WHERE plan_number = :number GROUP BY week_start")
				.param("number", planNumber)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
						weeks.put(rs.getDate("week_start").toLocalDate(), rs.getLong("cartons")));
		return weeks;
	}

	/** The contracts an approved plan asked for, manufacturer → the contract's process instance (null if none was started). */
	void addContractRequests(String planNumber, Map<String, String> instanceByManufacturer, LocalDateTime at) {
		template.batchUpdate("""
				INSERT INTO purchase_plan_contract_request (plan_number, manufacturer_code, requested_at, process_instance_id)
				VALUES (?, ?, ?, ?)""", new ArrayList<>(instanceByManufacturer.entrySet()), 100, (ps, request) -> {
					ps.setString(1, planNumber);
					ps.setString(2, request.getKey());
					ps.setTimestamp(3, Timestamp.valueOf(at));
					ps.setString(4, request.getValue());
				});
	}

	List<String> contractRequests(String planNumber) {
		return jdbc.sql("SELECT manufacturer_code FROM purchase_plan_contract_request WHERE plan_number = :number ORDER BY manufacturer_code")
				.param("number", planNumber).query(String.class).list();
	}

	/** The plans with their totals, newest first. */
	List<PlanSummary> summaries(int limit) {
		return jdbc.sql("""
				SELECT pp.plan_number, pp.period, pp.status, pp.current_step, pp.drafter, pp.created_at,
				       COUNT(CASE WHEN l.planned_cartons > 0 THEN 1 END) AS lines,
				       COUNT(DISTINCT CASE WHEN l.planned_cartons > 0 THEN l.manufacturer_code END) AS manufacturers,
				       COALESCE(SUM(l.planned_cartons), 0) AS cartons,
				       COALESCE(SUM(l.planned_cartons * l.allocation_price), 0) AS amount
				FROM purchase_plan pp LEFT JOIN purchase_plan_line l ON l.plan_number = pp.plan_number
				GROUP BY pp.plan_number, pp.period, pp.status, pp.current_step, pp.drafter, pp.created_at
				ORDER BY pp.created_at DESC, pp.plan_number DESC
				LIMIT :limit""")
				.param("limit", limit)
				.query((rs, i) -> new PlanSummary(rs.getString("plan_number"), YearMonth.parse(rs.getString("period")),
						PlanStatus.valueOf(rs.getString("status")), step(rs.getString("current_step")),
						rs.getString("drafter"), rs.getTimestamp("created_at").toLocalDateTime(),
						new PlanTotals(rs.getInt("lines"), rs.getInt("manufacturers"), rs.getLong("cartons"),
								rs.getBigDecimal("amount") == null ? BigDecimal.ZERO : rs.getBigDecimal("amount"))))
				.list();
	}

	private PurchasePlan plan(ResultSet rs, int row) throws SQLException {
		return new PurchasePlan(rs.getString("plan_number"), YearMonth.parse(rs.getString("period")), rs.getString("note"),
				rs.getString("drafter"), rs.getTimestamp("created_at").toLocalDateTime(),
				PlanStatus.valueOf(rs.getString("status")), step(rs.getString("current_step")),
				localDateTime(rs.getTimestamp("submitted_at")), localDateTime(rs.getTimestamp("closed_at")),
				rs.getString("process_instance_id"), rs.getInt("version"));
	}

	private static PlanStep step(String name) {
		return name == null ? null : PlanStep.valueOf(name);
	}

	private static Timestamp timestamp(LocalDateTime time) {
		return time == null ? null : Timestamp.valueOf(time);
	}

	private static LocalDateTime localDateTime(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toLocalDateTime();
	}
}
