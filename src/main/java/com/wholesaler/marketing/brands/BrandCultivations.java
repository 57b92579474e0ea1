package com.wholesaler.marketing.brands;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.ApprovalCase;
import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.ApprovalEvent;
import com.wholesaler.marketing.approval.ApprovalEventType;
import com.wholesaler.marketing.approval.ApprovalSheet;
import com.wholesaler.marketing.approval.ApprovalStep;
import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.approval.Resubmission;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.FormText;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 品牌培育方案 (「制定品牌培育方案並組織實施」「協同工業企業制定品牌培育規劃」): the brand manager drafts a
 * year's plan for a brand with its manufacturer — goals per quarter (coverage, cartons, retail price
 * realisation), the measures and what the manufacturer contributes; the director approves or returns it;
 * after each quarter the brand manager evaluates it against the actuals (coverage and cartons from the
 * orders and sales, price realisation from the market survey), kept in the brand's file.
 */
@Service
public class BrandCultivations {

	public static final String PROCESS_ID = "brandCultivation";

	public enum Status {
		APPROVING("待主任審批"), RETURNED("退回修改"), IN_FORCE("執行中"), COMPLETED("已完成"), WITHDRAWN("已撤回");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	/** What the plan's form holds, checked as far as the text alone can tell. */
	public record Draft(String brand, String manufacturerCode, int year, List<QuarterGoal> goals, String measures, String support) {

		static Draft of(Object brand, Object manufacturer, Object year, Object goals, Object measures, Object support) {
			List<String> errors = new ArrayList<>();
			String b = FormText.of(brand);
			if (b.isEmpty() || b.length() > 50) {
				errors.add("請填寫品牌（最多 50 字）");
			}
			String m = FormText.of(manufacturer);
			if (m.isEmpty() || m.length() > 100) {
				errors.add("請填寫合作的工業企業（代碼或名稱）");
			}
			int y = 0;
			if (!FormText.of(year).matches("20\\d\\d")) {
				errors.add("年度應寫作四位數，例如 2027");
			}
			else {
				y = Integer.parseInt(FormText.of(year));
			}
			List<QuarterGoal> g = List.of();
			try {
				g = QuarterGoal.parseAll(goals);
			}
			catch (BusinessRuleException e) {
				errors.add(e.getMessage());
			}
			String how = FormText.of(measures);
			if (how.isEmpty() || how.length() > 2000) {
				errors.add("請寫明培育措施（最多 2000 字）");
			}
			String share = FormText.of(support);
			if (share.length() > 1000) {
				errors.add("工業企業支持最多 1000 字");
			}
			if (!errors.isEmpty()) {
				throw new BusinessRuleException(String.join("；", errors) + " (cultivation plan)");
			}
			return new Draft(b, m, y, g, how, share.isEmpty() ? null : share);
		}
	}

	/** A quarter's goals and, once evaluated, what was reached. */
	public record Quarter(QuarterGoal goal, BigDecimal actualCoverage, Integer actualCartons, BigDecimal actualRealisation, String evaluation,
			String evaluatedBy) {

		public boolean evaluated() {
			return evaluation != null;
		}
	}

	public record Cultivation(String number, String brand, String manufacturerCode, int year, String measures, String support, String drafter,
			Status status, LocalDateTime createdAt) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return number;
		}

		@Override
		public String caseName() {
			return "品牌培育方案";
		}

		@Override
		public Area area() {
			return Area.SUPPLIERS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return step == CultivationStep.APPROVE && status == Status.APPROVING;
		}
	}

	/** A quarter's coverage and cartons as the orders and sales tell them, for the evaluation. */
	public record Actuals(BigDecimal coveragePercent, long orderingRetailers, long activeRetailers, long cartons) {
	}

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final DocumentNumbers numbers;
	private final Clock clock;

	BrandCultivations(JdbcClient jdbc, Catalog catalog, ApprovalCore core, ApprovalSheet sheet, CurrentUser currentUser, DocumentNumbers numbers,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.numbers = numbers;
		this.clock = clock;
	}

	String draft(Draft draft) {
		var actor = currentUser.actor();
		if (!actor.holds(Role.BRAND_MANAGER)) {
			throw new BusinessRuleException("品牌培育方案由品牌管理員制定 (only the brand manager drafts)");
		}
		draft = withManufacturer(draft);
		check(null, draft);
		int year = LocalDate.now(clock).getYear();
		String number = "BC-%d-%04d".formatted(year, numbers.next("BC-" + year));
		jdbc.sql("""
				INSERT INTO brand_cultivation (cultivation_number, brand, manufacturer_code, plan_year, measures, manufacturer_support, drafter,
				       status, created_at)
				VALUES (:n, :b, :m, :y, :how, :share, :by, 'APPROVING', :at)""")
				.param("n", number).param("b", draft.brand()).param("m", draft.manufacturerCode()).param("y", draft.year())
				.param("how", draft.measures()).param("share", draft.support()).param("by", actor.id())
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0))).update();
		insertGoals(number, draft.goals());
		sheet.record(number, CultivationStep.DRAFT, ApprovalEventType.SUBMIT, summary(draft), actor.id());
		return number;
	}

	/** The director's decision, by the approval core; a return goes back to the brand manager who drafted it. */
	void decide(String number, Object decision, String comment) {
		Cultivation c = cultivation(number);
		ApprovalCore.Verdict verdict = core.check(c, CultivationStep.APPROVE, Decision.of(decision), comment);
		status(number, verdict.decision() == Decision.APPROVE ? Status.IN_FORCE : Status.RETURNED);
		core.record(c, verdict);
	}

	void revise(String number, Object action, Supplier<Draft> revised, String note) {
		Cultivation c = cultivation(number);
		String by = currentUser.id();
		if (Resubmission.of(c, c.status() == Status.RETURNED, by, action) == Resubmission.WITHDRAW) {
			status(number, Status.WITHDRAWN);
			sheet.record(number, CultivationStep.DRAFT, ApprovalEventType.WITHDRAW, note, by);
			return;
		}
		Draft d = withManufacturer(revised.get());
		if (!d.brand().equals(c.brand())) {
			throw new BusinessRuleException("修改時不能換品牌 (brand)");
		}
		check(number, d);
		jdbc.sql("""
				UPDATE brand_cultivation SET manufacturer_code = :m, plan_year = :y, measures = :how, manufacturer_support = :share,
				       status = 'APPROVING' WHERE cultivation_number = :n""")
				.param("m", d.manufacturerCode()).param("y", d.year()).param("how", d.measures()).param("share", d.support()).param("n", number)
				.update();
		jdbc.sql("DELETE FROM brand_cultivation_goal WHERE cultivation_number = :n").param("n", number).update();
		insertGoals(number, d.goals());
		sheet.record(number, CultivationStep.DRAFT, ApprovalEventType.RESUBMIT, summary(d), by);
	}

	/**
	 * The brand manager's evaluation of the next quarter not yet evaluated: coverage and cartons are taken
	 * from the data, the price realisation is the market survey's; after the last quarter the plan is completed.
	 */
	void evaluate(String number, Object realisation, String evaluation) {
		Cultivation c = cultivation(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.BRAND_MANAGER)) {
			throw new BusinessRuleException("季度評估由品牌管理員填寫 (only the brand manager evaluates)");
		}
		Quarter q = nextQuarter(number).orElseThrow(() -> new BusinessRuleException("品牌培育方案 %s 已沒有待評估的季度".formatted(number)));
		if (c.status() != Status.IN_FORCE) {
			throw new BusinessRuleException("品牌培育方案 %s 目前%s，不能評估 (not in force)".formatted(number, c.status().chineseName()));
		}
		String r = FormText.of(realisation);
		String text = evaluation == null ? "" : evaluation.strip();
		if (!r.matches("\\d{1,3}(\\.\\d)?") || new BigDecimal(r).compareTo(BigDecimal.valueOf(100)) > 0 || text.isEmpty() || text.length() > 1000) {
			throw new BusinessRuleException("請填寫市場調研的價格到位率（0 至 100%%）和評估意見（最多 1000 字）(evaluation)");
		}
		Actuals a = actuals(c.brand(), c.year(), q.goal());
		jdbc.sql("""
				UPDATE brand_cultivation_goal SET actual_coverage = :cov, actual_cartons = :cartons, actual_realisation = :r, evaluation = :e,
				       evaluated_by = :by, evaluated_at = :at
				WHERE cultivation_number = :n AND quarter = :q""")
				.param("cov", a.coveragePercent()).param("cartons", a.cartons()).param("r", new BigDecimal(r)).param("e", text).param("by", actor.id())
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0))).param("n", number).param("q", q.goal().quarter()).update();
		sheet.record(number, CultivationStep.EVALUATE, ApprovalEventType.SUBMIT, "第 %d 季：覆蓋率 %s%%（目標 %s%%），銷量 %,d 條（目標 %,d 條），價格到位率 %s%%（目標 %s%%）。%s"
				.formatted(q.goal().quarter(), a.coveragePercent(), q.goal().coveragePercent(), a.cartons(), q.goal().cartons(), r,
						q.goal().priceRealisation(), text), actor.id());
		if (nextQuarter(number).isEmpty()) {
			status(number, Status.COMPLETED);
		}
	}

	/** When the next quarter's evaluation is due: the first day after it ends, at the start of the day. */
	java.util.Date nextEvaluationAt(String number) {
		Cultivation c = cultivation(number);
		QuarterGoal goal = nextQuarter(number).orElseThrow().goal();
		return BusinessTime.startOf(goal.lastDay(c.year()).plusDays(1));
	}

	public Optional<Quarter> nextQuarter(String number) {
		return quarters(number).stream().filter(q -> !q.evaluated()).findFirst();
	}

	/** Coverage (retailers ordering the brand of the active ones) and cartons sold in the quarter, so far. */
	public Actuals actuals(String brand, int year, QuarterGoal goal) {
		LocalDate from = goal.firstDay(year);
		LocalDate to = goal.lastDay(year);
		long cartons = jdbc.sql("""
				SELECT COALESCE(SUM(d.cartons), 0) FROM daily_sales d JOIN product p ON p.code = d.product_code
				WHERE p.brand = :b AND d.sales_date BETWEEN :f AND :t""")
				.param("b", brand).param("f", from).param("t", to).query(Long.class).single();
		long ordering = jdbc.sql("""
				SELECT COUNT(DISTINCT o.retailer_code) FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id
				JOIN product p ON p.code = l.product_code WHERE p.brand = :b AND o.call_date BETWEEN :f AND :t""")
				.param("b", brand).param("f", from).param("t", to).query(Long.class).single();
		long active = jdbc.sql("SELECT COUNT(*) FROM retailer WHERE status = 'ACTIVE'").query(Long.class).single();
		BigDecimal coverage = active == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(ordering * 100).divide(BigDecimal.valueOf(active), 1, RoundingMode.HALF_UP);
		return new Actuals(coverage, ordering, active, cartons);
	}

	public Cultivation cultivation(String number) {
		return jdbc.sql("SELECT * FROM brand_cultivation WHERE cultivation_number = :n").param("n", number).query(this::map).optional()
				.orElseThrow(() -> new BusinessRuleException("找不到品牌培育方案「%s」(unknown plan)".formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public List<Quarter> quarters(String number) {
		return jdbc.sql("SELECT * FROM brand_cultivation_goal WHERE cultivation_number = :n ORDER BY quarter").param("n", number)
				.query((rs, i) -> new Quarter(new QuarterGoal(rs.getInt("quarter"), rs.getBigDecimal("coverage_percent"), rs.getInt("cartons"),
						rs.getBigDecimal("price_realisation")), rs.getBigDecimal("actual_coverage"), (Integer) rs.getObject("actual_cartons", Integer.class),
						rs.getBigDecimal("actual_realisation"), rs.getString("evaluation"), rs.getString("evaluated_by")))
				.list();
	}

	public List<Cultivation> ofBrand(String brand) {
		return jdbc.sql("SELECT * FROM brand_cultivation WHERE brand = :b AND status <> 'WITHDRAWN' ORDER BY plan_year DESC, created_at DESC")
				.param("b", brand).query(this::map).list();
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	/** The plan as its form holds it, for the revise form. */
	Draft draftOf(Cultivation c) {
		return new Draft(c.brand(), c.manufacturerCode(), c.year(), quarters(c.number()).stream().map(Quarter::goal).toList(), c.measures(),
				c.support());
	}

	static String goalsText(List<QuarterGoal> goals) {
		StringBuilder text = new StringBuilder();
		goals.forEach(g -> text.append("Q%d %s %d %s%n".formatted(g.quarter(), g.coveragePercent().stripTrailingZeros().toPlainString(), g.cartons(),
				g.priceRealisation().stripTrailingZeros().toPlainString())));
		return text.toString();
	}

	static String summary(Draft d) {
		StringBuilder goals = new StringBuilder();
		d.goals().forEach(g -> goals.append("；第 %d 季 覆蓋率 %s%%、銷量 %,d 條、價格到位率 %s%%".formatted(g.quarter(), g.coveragePercent(), g.cartons(),
				g.priceRealisation())));
		return "%s（%s）%d 年培育方案%s。措施：%s%s".formatted(d.brand(), d.manufacturerCode(), d.year(), goals, d.measures(),
				d.support() == null ? "" : "。工業企業支持：" + d.support());
	}

	/** The manufacturer as the user named it, by code or by name, read as its code. */
	private Draft withManufacturer(Draft d) {
		String code = catalog.findManufacturer(d.manufacturerCode()).orElseThrow(() -> new BusinessRuleException(
				"找不到工業企業「%s」，請填代碼或名稱 (unknown manufacturer)".formatted(BusinessTime.abbreviated(d.manufacturerCode()))));
		return new Draft(d.brand(), code, d.year(), d.goals(), d.measures(), d.support());
	}

	private void check(String number, Draft d) {
		if (jdbc.sql("SELECT COUNT(*) FROM product WHERE brand = :b AND manufacturer_code = :m").param("b", d.brand()).param("m", d.manufacturerCode())
				.query(Long.class).single() == 0) {
			throw new BusinessRuleException("工業企業「%s」沒有「%s」品牌的規格 (the manufacturer does not make this brand)"
					.formatted(BusinessTime.abbreviated(d.manufacturerCode()), BusinessTime.abbreviated(d.brand())));
		}
		LocalDate today = LocalDate.now(clock);
		if (d.year() < today.getYear() || d.year() > today.getYear() + 1) {
			throw new BusinessRuleException("培育方案的年度應為今年或明年 (year)");
		}
		List<String> past = d.goals().stream().filter(g -> g.lastDay(d.year()).isBefore(today)).map(g -> "第 " + g.quarter() + " 季").toList();
		if (!past.isEmpty()) {
			throw new BusinessRuleException(String.join("、", past) + "已經結束，目標只能訂給未結束的季度 (past quarters)");
		}
		List<String> open = jdbc.sql("""
				SELECT cultivation_number FROM brand_cultivation WHERE brand = :b AND plan_year = :y AND status IN ('APPROVING', 'RETURNED', 'IN_FORCE')
				  AND cultivation_number <> :n""")
				.param("b", d.brand()).param("y", d.year()).param("n", number == null ? "" : number).query(String.class).list();
		if (!open.isEmpty()) {
			throw new BusinessRuleException("「%s」%d 年已有培育方案 %s (one plan per brand and year)".formatted(d.brand(), d.year(), String.join("、", open)));
		}
	}

	private void insertGoals(String number, List<QuarterGoal> goals) {
		for (QuarterGoal g : goals) {
			jdbc.sql("""
					INSERT INTO brand_cultivation_goal (cultivation_number, quarter, coverage_percent, cartons, price_realisation)
					VALUES (:n, :q, :cov, :c, :r)""")
					.param("n", number).param("q", g.quarter()).param("cov", g.coveragePercent()).param("c", g.cartons())
					.param("r", g.priceRealisation()).update();
		}
	}

	private void status(String number, Status status) {
		jdbc.sql("UPDATE brand_cultivation SET status = :s WHERE cultivation_number = :n").param("s", status.name()).param("n", number).update();
	}

	private Cultivation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Cultivation(rs.getString("cultivation_number"), rs.getString("brand"), rs.getString("manufacturer_code"), rs.getInt("plan_year"),
				rs.getString("measures"), rs.getString("manufacturer_support"), rs.getString("drafter"), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toLocalDateTime());
	}
}
