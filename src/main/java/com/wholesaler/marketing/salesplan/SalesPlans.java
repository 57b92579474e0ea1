package com.wholesaler.marketing.salesplan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
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
import com.wholesaler.marketing.approval.CaseNote;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.Decision;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.identity.Role;

/**
 * 月度銷售計畫 (「組織擬定捲菸銷售計畫，提出銷售任務的分解方案」): the system proposes each product's
 * quantity for the month; the brand-planning head adjusts it (a reason for a line more than 10 % off the
 * proposal); the general administrator splits it over the regions and the group-customer department
 * (the units of each product adding up to its planned quantity); the director reviews and the executive
 * approves; each region then acknowledges its targets.
 */
@Service
public class SalesPlans {

	public static final String PROCESS_ID = "salesPlanApproval";
	/** 集團客戶部: a sales unit beside the eight regions, with no phone-order history of its own. */
	public static final String GROUP_UNIT = "GROUP";
	public static final String GROUP_UNIT_NAME = "集團客戶部";
	static final int REASON_LIMIT = 300;
	/** The split's default shares come from the phone orders of this many days. */
	static final int SPLIT_HISTORY_DAYS = 91;

	public enum Status {
		DRAFTING("起草中"), SPLITTING("分解中"), REVIEWING("主任審核"), APPROVING("分管領導審定"), APPROVED("已審定"), WITHDRAWN("已撤回");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	public record SalesPlan(String planNumber, YearMonth month, Status status, String drafter, String splitter, String targetNumber,
			String basis, String note, int version, LocalDateTime createdAt, LocalDateTime approvedAt) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return planNumber;
		}

		@Override
		public String caseName() {
			return "銷售計畫";
		}

		@Override
		public Area area() {
			return Area.TARGETS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return (step == SalesPlanStep.REVIEW && status == Status.REVIEWING) || (step == SalesPlanStep.APPROVE && status == Status.APPROVING);
		}

		public String statusName() {
			return status.chineseName();
		}
	}

	/** A sales unit: a region, or the group-customer department. */
	public record Unit(String code, String name) {
	}

	/** A planned quantity and its reason as typed on the plan page. */
	public record LineEdit(String planned, String reason) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final SalesPlanProposal proposal;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final Clock clock;

	SalesPlans(JdbcClient jdbc, JdbcTemplate batch, SalesPlanProposal proposal, ApprovalCore core, ApprovalSheet sheet,
			CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.proposal = proposal;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * The signed-in brand-planning head opens the plan of a month (this month or one of the next two) with
	 * the system's proposal as its planned quantities; a withdrawn plan of that month is opened afresh.
	 */
	String open(Object monthText, String note) {
		var actor = currentUser.actor();
		if (!actor.holds(Role.BRAND_PLANNING_HEAD)) {
			throw new BusinessRuleException("銷售計畫由品牌策劃部主任起草 (only the brand-planning head drafts the sales plan)");
		}
		YearMonth month = month(monthText);
		LocalDate today = LocalDate.now(clock);
		YearMonth thisMonth = YearMonth.from(today);
		if (month.isBefore(thisMonth) || month.isAfter(thisMonth.plusMonths(2))) {
			throw new BusinessRuleException("銷售計畫的月份應在 %s 至 %s 之間 (month)".formatted(thisMonth, thisMonth.plusMonths(2)));
		}
		String number = "SP-" + month;
		Optional<SalesPlan> existing = find(number);
		if (existing.isPresent() && existing.get().status() != Status.WITHDRAWN) {
			throw new BusinessRuleException("%s 月已有銷售計畫 %s（%s）(one plan a month)".formatted(month, number, existing.get().statusName()));
		}
		String text = note(note);
		SalesPlanProposal.Proposal proposed = proposal.of(month, today);
		if (existing.isPresent()) {
			jdbc.sql("DELETE FROM sales_plan_split WHERE plan_number = :n").param("n", number).update();
			jdbc.sql("DELETE FROM sales_plan_line WHERE plan_number = :n").param("n", number).update();
			jdbc.sql("""
					UPDATE sales_plan SET status = 'DRAFTING', drafter = :by, splitter = NULL, target_number = :t, basis = :b, note = :note,
					       version = version + 1, created_at = :at, approved_at = NULL WHERE plan_number = :n""")
					.param("by", actor.id()).param("t", proposed.targetNumber()).param("b", proposed.basis()).param("note", text)
					.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
		}
		else {
			jdbc.sql("""
					INSERT INTO sales_plan (plan_number, plan_month, status, drafter, target_number, basis, note, created_at)
					VALUES (:n, :m, 'DRAFTING', :by, :t, :b, :note, :at)""")
					.param("n", number).param("m", month.toString()).param("by", actor.id()).param("t", proposed.targetNumber())
					.param("b", proposed.basis()).param("note", text).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		}
		batch.batchUpdate("""
				INSERT INTO sales_plan_line (plan_number, product_code, last_year, proposed, planned, capped) VALUES (?, ?, ?, ?, ?, ?)""",
				proposed.lines(), 500, (ps, l) -> {
					ps.setString(1, number);
					ps.setString(2, l.productCode());
					ps.setInt(3, l.lastYear());
					ps.setInt(4, l.proposed());
					ps.setInt(5, l.proposed());
					ps.setBoolean(6, l.capped());
				});
		sheet.record(number, SalesPlanStep.DRAFT, ApprovalEventType.PROPOSED, proposed.basis(), null);
		return number;
	}

	/**
	 * The drafter changes planned quantities and reasons, all or none: each a whole number of cartons, not
	 * negative, of a product of the plan; the page's version must be the plan's (someone else's change
	 * in between is not overwritten).
	 */
	public int changeLines(String number, String by, Map<String, LineEdit> edits, Integer version) {
		SalesPlan plan = editable(number, by, version);
		Map<String, SalesPlanLine> lines = linesByCode(number);
		List<String> errors = new ArrayList<>();
		Map<String, Object[]> rows = new LinkedHashMap<>();
		edits.forEach((code, edit) -> {
			SalesPlanLine line = lines.get(code);
			if (line == null) {
				errors.add("規格 %s 不在本計畫中".formatted(BusinessTime.abbreviated(code)));
				return;
			}
			Integer planned = cartons(edit.planned(), code, errors);
			String reason = edit.reason() == null ? null : edit.reason().strip();
			if (reason != null && reason.length() > REASON_LIMIT) {
				errors.add("規格 %s 的理由最多 %d 字".formatted(code, REASON_LIMIT));
			}
			if (planned != null) {
				rows.put(code, new Object[] {planned, reason == null || reason.isEmpty() ? null : reason});
			}
		});
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + " (nothing saved)");
		}
		rows.forEach((code, r) -> jdbc.sql("UPDATE sales_plan_line SET planned = :p, reason = :r WHERE plan_number = :n AND product_code = :c")
				.param("p", r[0]).param("r", r[1]).param("n", number).param("c", code).update());
		bump(plan);
		return rows.size();
	}

	/**
	 * The drafter moves every line of a brand or a price class by a percentage (-50 to +50); a line it takes
	 * more than 10 % off its proposal gets the adjustment as its reason, unless it has one.
	 */
	public int adjust(String number, String by, String brand, String priceClass, String percentText, Integer version) {
		SalesPlan plan = editable(number, by, version);
		double percent;
		try {
			percent = Double.parseDouble(percentText == null ? "" : percentText.strip());
		}
		catch (NumberFormatException e) {
			throw new BusinessRuleException("調整幅度「%s」不是數字 (percent)".formatted(BusinessTime.abbreviated(String.valueOf(percentText))));
		}
		if (percent < -50 || percent > 50 || Double.isNaN(percent)) {
			throw new BusinessRuleException("統一調整的幅度在 -50% 至 +50% 之間 (percent)");
		}
		boolean byBrand = brand != null && !brand.isBlank();
		Integer classNumber = null;
		if (!byBrand) {
			try {
				classNumber = PriceClass.ofNumber(Integer.parseInt(priceClass == null ? "" : priceClass.strip())).number();
			}
			catch (NumberFormatException e) {
				throw new BusinessRuleException("請選擇要調整的品牌或價類 (brand or price class)");
			}
		}
		String scope = byBrand ? "品牌「%s」".formatted(brand.strip()) : PriceClass.ofNumber(classNumber).chineseName();
		int changed = 0;
		for (SalesPlanLine line : lines(number)) {
			if (byBrand ? !line.brand().equals(brand.strip()) : line.priceClass() != classNumber) {
				continue;
			}
			int planned = (int) Math.round(line.planned() * (1 + percent / 100));
			SalesPlanLine after = new SalesPlanLine(line.productCode(), line.productName(), line.brand(), line.priceClass(), line.lastYear(),
					line.proposed(), planned, line.capped(), line.reason());
			String reason = after.missingReason() ? "%s統一調整 %+.1f%%".formatted(scope, percent) : line.reason();
			jdbc.sql("UPDATE sales_plan_line SET planned = :p, reason = :r WHERE plan_number = :n AND product_code = :c")
					.param("p", planned).param("r", reason).param("n", number).param("c", line.productCode()).update();
			changed++;
		}
		if (changed == 0) {
			throw new BusinessRuleException("本計畫沒有%s的規格 (nothing to adjust)".formatted(scope));
		}
		bump(plan);
		return changed;
	}

	/** The drafter submits the plan to be split: every line more than 10 % off its proposal must say why. */
	void submit(String number, String note) {
		SalesPlan plan = plan(number);
		String by = drafterOnly(plan);
		if (plan.status() != Status.DRAFTING) {
			throw new BusinessRuleException("銷售計畫 %s 目前%s，不能提交 (not drafting)".formatted(number, plan.statusName()));
		}
		List<String> missing = lines(number).stream().filter(SalesPlanLine::missingReason).map(SalesPlanLine::productCode).toList();
		if (!missing.isEmpty()) {
			throw new BusinessRuleException("以下規格的計畫量與系統建議相差超過 10%%，請在計畫頁寫明理由：%s%s (reason required)"
					.formatted(String.join("、", missing.stream().limit(20).toList()), missing.size() > 20 ? " 等 " + missing.size() + " 個" : ""));
		}
		String text = note(note);
		jdbc.sql("UPDATE sales_plan SET status = 'SPLITTING', version = version + 1 WHERE plan_number = :n").param("n", number).update();
		sheet.record(number, SalesPlanStep.DRAFT, sheet.of(number).stream().anyMatch(e -> e.type() == ApprovalEventType.RETURN)
				? ApprovalEventType.RESUBMIT : ApprovalEventType.SUBMIT, text, by);
	}

	void withdraw(String number, String note) {
		SalesPlan plan = plan(number);
		String by = drafterOnly(plan);
		if (plan.status() != Status.DRAFTING) {
			throw new BusinessRuleException("銷售計畫 %s 目前%s，不能撤回 (not drafting)".formatted(number, plan.statusName()));
		}
		jdbc.sql("UPDATE sales_plan SET status = 'WITHDRAWN', version = version + 1 WHERE plan_number = :n").param("n", number).update();
		sheet.record(number, SalesPlanStep.DRAFT, ApprovalEventType.WITHDRAW, note(note), by);
	}

	/**
	 * Before the split: each product whose units do not add up to its planned quantity (a first split, or a
	 * quantity changed since) is split again in proportion to the regions' phone orders of the last 91
	 * days (the region's share of all orders where the product had none); the group-customer department
	 * starts at nothing.
	 */
	void prepareSplit(String number) {
		List<SalesPlanLine> lines = lines(number);
		Map<String, Map<String, Integer>> split = split(number);
		List<Unit> units = units();
		Map<String, Map<String, Long>> ordered = new HashMap<>();
		Map<String, Long> allOrdered = new HashMap<>();
		LocalDate since = LocalDate.now(clock).minusDays(SPLIT_HISTORY_DAYS);
		jdbc.sql("""
				SELECT l.product_code, r.region_code, SUM(l.cartons) AS cartons
				FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id JOIN retailer r ON r.code = o.retailer_code
				WHERE o.call_date >= :since GROUP BY l.product_code, r.region_code""")
				.param("since", since)
				.query(rs -> {
					ordered.computeIfAbsent(rs.getString("product_code"), c -> new HashMap<>()).put(rs.getString("region_code"), rs.getLong("cartons"));
					allOrdered.merge(rs.getString("region_code"), rs.getLong("cartons"), Long::sum);
				});
		List<Object[]> rows = new ArrayList<>();
		List<String> resplit = new ArrayList<>();
		for (SalesPlanLine line : lines) {
			Map<String, Integer> current = split.get(line.productCode());
			if (current != null && current.values().stream().mapToInt(Integer::intValue).sum() == line.planned()) {
				continue;
			}
			Map<String, Long> product = ordered.getOrDefault(line.productCode(), Map.of());
			boolean own = product.values().stream().mapToLong(Long::longValue).sum() > 0;
			Map<String, Long> weights = new LinkedHashMap<>();
			for (Unit u : units) {
				weights.put(u.code(), GROUP_UNIT.equals(u.code()) ? 0L : (own ? product : allOrdered).getOrDefault(u.code(), 0L));
			}
			ProportionalSplit.of(line.planned(), weights).forEach((unit, cartons) -> rows.add(new Object[] {number, line.productCode(), unit, cartons}));
			resplit.add(line.productCode());
		}
		if (!resplit.isEmpty()) {
			batch.batchUpdate("DELETE FROM sales_plan_split WHERE plan_number = ? AND product_code = ?",
					resplit.stream().map(c -> new Object[] {number, c}).toList());
			batch.batchUpdate("INSERT INTO sales_plan_split (plan_number, product_code, unit_code, cartons) VALUES (?, ?, ?, ?)", rows);
		}
	}

	/** The general administrator sets units' cartons of products, all or none: whole cartons, not negative. */
	public int changeSplit(String number, String by, java.util.Set<String> groups, Map<String, Map<String, String>> cells, Integer version) {
		SalesPlan plan = splitting(number, groups, version);
		Map<String, SalesPlanLine> lines = linesByCode(number);
		Map<String, String> unitNames = unitNames();
		List<String> errors = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		cells.forEach((code, units) -> {
			if (!lines.containsKey(code)) {
				errors.add("規格 %s 不在本計畫中".formatted(BusinessTime.abbreviated(code)));
				return;
			}
			units.forEach((unit, text) -> {
				if (!unitNames.containsKey(unit)) {
					errors.add("沒有「%s」這個區域".formatted(BusinessTime.abbreviated(unit)));
					return;
				}
				Integer cartons = cartons(text, code + " " + unitNames.get(unit), errors);
				if (cartons != null) {
					rows.add(new Object[] {cartons, number, code, unit});
				}
			});
		});
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + " (nothing saved)");
		}
		batch.batchUpdate("UPDATE sales_plan_split SET cartons = ? WHERE plan_number = ? AND product_code = ? AND unit_code = ?", rows);
		bump(plan);
		return rows.size();
	}

	/**
	 * The general administrator shares every product out again by the units' shares given in per cent
	 * (adding up to 100, give or take a point of rounding): how a region's share of the whole month is
	 * changed at once.
	 */
	public void splitByShares(String number, String by, java.util.Set<String> groups, Map<String, String> percents, Integer version) {
		SalesPlan plan = splitting(number, groups, version);
		Map<String, String> unitNames = unitNames();
		Map<String, Long> weights = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		double sum = 0;
		for (String unit : unitNames.keySet()) {
			String text = percents.getOrDefault(unit, "0");
			try {
				double p = Double.parseDouble(text == null || text.isBlank() ? "0" : text.strip());
				if (p < 0 || p > 100) {
					errors.add("%s 的比例應在 0–100 之間".formatted(unitNames.get(unit)));
				}
				sum += p;
				weights.put(unit, Math.round(p * 100));
			}
			catch (NumberFormatException e) {
				errors.add("%s 的比例「%s」不是數字".formatted(unitNames.get(unit), BusinessTime.abbreviated(text)));
			}
		}
		// shares shown to one decimal rarely add up to exactly 100: within a point they are read as weights
		if (errors.isEmpty() && Math.abs(sum - 100) > 1) {
			errors.add("各區域比例合計應為 100%%，現在是 %.1f%%".formatted(sum));
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + " (nothing saved)");
		}
		List<Object[]> rows = new ArrayList<>();
		for (SalesPlanLine line : lines(number)) {
			ProportionalSplit.of(line.planned(), weights).forEach((unit, cartons) -> rows.add(new Object[] {number, line.productCode(), unit, cartons}));
		}
		jdbc.sql("DELETE FROM sales_plan_split WHERE plan_number = :n").param("n", number).update();
		batch.batchUpdate("INSERT INTO sales_plan_split (plan_number, product_code, unit_code, cartons) VALUES (?, ?, ?, ?)", rows);
		bump(plan);
	}

	/** The split table as a workbook, for the general administrator to work on in Excel or WPS. */
	public byte[] splitWorkbook(String number) {
		plan(number);
		List<SalesPlanLine> lines = new ArrayList<>(lines(number));
		lines.sort(java.util.Comparator.comparing(SalesPlanLine::productCode));
		return SplitSheet.write(lines, units(), split(number));
	}

	/** The split read back from the workbook: every row checked, one bad row and nothing is changed. */
	public int importSplit(String number, String by, java.util.Set<String> groups, java.io.InputStream file, Integer version) {
		SalesPlan plan = splitting(number, groups, version);
		Map<String, Map<String, Integer>> cells = SplitSheet.read(file, linesByCode(number), units());
		List<Object[]> rows = new ArrayList<>();
		cells.forEach((code, units) -> units.forEach((unit, cartons) -> rows.add(new Object[] {number, code, unit, cartons})));
		batch.batchUpdate("DELETE FROM sales_plan_split WHERE plan_number = ? AND product_code = ?",
				cells.keySet().stream().map(c -> new Object[] {number, c}).toList());
		batch.batchUpdate("INSERT INTO sales_plan_split (plan_number, product_code, unit_code, cartons) VALUES (?, ?, ?, ?)", rows);
		bump(plan);
		return cells.size();
	}

	/** The split is submitted for review: every product's units add up to its planned quantity. */
	void submitSplit(String number, String note) {
		SalesPlan plan = plan(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.GENERAL_ADMIN)) {
			throw new BusinessRuleException("銷售計畫由綜合管理員分解 (only the general administrator splits)");
		}
		if (plan.status() != Status.SPLITTING) {
			throw new BusinessRuleException("銷售計畫 %s 目前%s，不在分解中 (not splitting)".formatted(number, plan.statusName()));
		}
		List<String> unequal = unequalSplits(number);
		if (!unequal.isEmpty()) {
			throw new BusinessRuleException("以下規格分解到各區域的數量合計不等於計畫量：%s (the split must add up)".formatted(String.join("、", unequal)));
		}
		jdbc.sql("UPDATE sales_plan SET status = 'REVIEWING', splitter = :by, version = version + 1 WHERE plan_number = :n")
				.param("by", actor.id()).param("n", number).update();
		sheet.record(number, SalesPlanStep.SPLIT, ApprovalEventType.SUBMIT, note(note), actor.id());
	}

	/** The director's review or the executive's approval, checked by the approval core; a return goes back to the drafter. */
	void decide(String number, SalesPlanStep step, Object decision, String comment) {
		SalesPlan plan = plan(number);
		ApprovalCore.Verdict verdict = core.check(plan, step, Decision.of(decision), comment);
		String next = verdict.decision() != Decision.APPROVE ? "DRAFTING" : step == SalesPlanStep.REVIEW ? "APPROVING" : "APPROVED";
		jdbc.sql("UPDATE sales_plan SET status = :s, approved_at = :at, version = version + 1 WHERE plan_number = :n")
				.param("s", next).param("at", "APPROVED".equals(next) ? Timestamp.valueOf(LocalDateTime.now(clock)) : null)
				.param("n", number).update();
		core.record(plan, verdict);
	}

	/** A region acknowledges its targets of the approved plan, once. */
	void acknowledge(String number, String unit) {
		SalesPlan plan = plan(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.REGIONAL_MARKETING)) {
			throw new BusinessRuleException("銷售任務由區域市場部知悉 (only regional marketing)");
		}
		if (plan.status() != Status.APPROVED) {
			throw new BusinessRuleException("銷售計畫 %s 目前%s (not approved)".formatted(number, plan.statusName()));
		}
		jdbc.sql("INSERT INTO sales_plan_ack (plan_number, unit_code, acknowledged_by, acknowledged_at) VALUES (:n, :u, :by, :at)")
				.param("n", number).param("u", unit).param("by", actor.id()).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		sheet.record(number, SalesPlanStep.ACKNOWLEDGE, ApprovalEventType.ACKNOWLEDGE, unitNames().getOrDefault(unit, unit), actor.id());
	}

	// ---- reading

	public SalesPlan plan(String number) {
		return find(number).orElseThrow(() -> new BusinessRuleException("找不到銷售計畫「%s」(unknown sales plan)"
				.formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public Optional<SalesPlan> find(String number) {
		return jdbc.sql(SELECT + " WHERE plan_number = :n").param("n", number).query(this::map).optional();
	}

	/** The approved plan of a month, if there is one. */
	public Optional<SalesPlan> approved(YearMonth month) {
		return jdbc.sql(SELECT + " WHERE plan_month = :m AND status = 'APPROVED'").param("m", month.toString()).query(this::map).optional();
	}

	public List<SalesPlan> all() {
		return jdbc.sql(SELECT + " ORDER BY plan_month DESC").query(this::map).list();
	}

	public List<SalesPlanLine> lines(String number) {
		return jdbc.sql("""
				SELECT l.*, p.name, p.brand, p.allocation_price FROM sales_plan_line l JOIN product p ON p.code = l.product_code
				WHERE l.plan_number = :n ORDER BY l.planned DESC, l.product_code""")
				.param("n", number)
				.query((rs, i) -> new SalesPlanLine(rs.getString("product_code"), rs.getString("name"), rs.getString("brand"),
						PriceClass.of(rs.getBigDecimal("allocation_price")).number(), rs.getInt("last_year"), rs.getInt("proposed"),
						rs.getInt("planned"), rs.getBoolean("capped"), rs.getString("reason")))
				.list();
	}

	/** Each product's cartons per unit. */
	public Map<String, Map<String, Integer>> split(String number) {
		Map<String, Map<String, Integer>> split = new TreeMap<>();
		jdbc.sql("SELECT product_code, unit_code, cartons FROM sales_plan_split WHERE plan_number = :n").param("n", number)
				.query(rs -> {
					split.computeIfAbsent(rs.getString("product_code"), c -> new LinkedHashMap<>()).put(rs.getString("unit_code"), rs.getInt("cartons"));
				});
		return split;
	}

	/** The units' totals over every product. */
	public Map<String, Long> unitTotals(String number) {
		Map<String, Long> totals = new LinkedHashMap<>();
		units().forEach(u -> totals.put(u.code(), 0L));
		jdbc.sql("SELECT unit_code, SUM(cartons) AS c FROM sales_plan_split WHERE plan_number = :n GROUP BY unit_code").param("n", number)
				.query(rs -> {
					totals.put(rs.getString("unit_code"), rs.getLong("c"));
				});
		return totals;
	}

	/** The products whose units do not add up to the planned quantity. */
	public List<String> unequalSplits(String number) {
		return jdbc.sql("""
				SELECT l.product_code FROM sales_plan_line l
				LEFT JOIN (SELECT product_code, SUM(cartons) AS c FROM sales_plan_split WHERE plan_number = :n GROUP BY product_code) s
				       ON s.product_code = l.product_code
				WHERE l.plan_number = :n AND COALESCE(s.c, 0) <> l.planned ORDER BY l.product_code""")
				.param("n", number).query(String.class).list();
	}

	/** The eight regions and the group-customer department, in that order. */
	public List<Unit> units() {
		List<Unit> units = new ArrayList<>(jdbc.sql("SELECT code, name FROM region ORDER BY code")
				.query((rs, i) -> new Unit(rs.getString("code"), rs.getString("name"))).list());
		units.add(new Unit(GROUP_UNIT, GROUP_UNIT_NAME));
		return units;
	}

	/** The regions that acknowledge their targets (the group-customer department has no role of its own yet). */
	public List<String> acknowledgingRegions() {
		return units().stream().map(Unit::code).filter(c -> !GROUP_UNIT.equals(c)).toList();
	}

	public Map<String, String> acknowledgements(String number) {
		Map<String, String> acks = new LinkedHashMap<>();
		jdbc.sql("SELECT unit_code, acknowledged_by FROM sales_plan_ack WHERE plan_number = :n").param("n", number)
				.query(rs -> {
					acks.put(rs.getString("unit_code"), rs.getString("acknowledged_by"));
				});
		return acks;
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	private Map<String, String> unitNames() {
		Map<String, String> names = new LinkedHashMap<>();
		units().forEach(u -> names.put(u.code(), u.name()));
		return names;
	}

	private Map<String, SalesPlanLine> linesByCode(String number) {
		Map<String, SalesPlanLine> lines = new HashMap<>();
		lines(number).forEach(l -> lines.put(l.productCode(), l));
		return lines;
	}

	private SalesPlan editable(String number, String by, Integer version) {
		SalesPlan plan = plan(number);
		if (plan.status() != Status.DRAFTING || !plan.drafter().equals(by)) {
			throw new BusinessRuleException("銷售計畫 %s 只能由起草人 %s 在起草時修改 (only the drafter, while drafting)".formatted(number, plan.drafter()));
		}
		checkVersion(plan, version);
		return plan;
	}

	private SalesPlan splitting(String number, java.util.Set<String> groups, Integer version) {
		if (!groups.contains(Role.GENERAL_ADMIN.groupId())) {
			throw new BusinessRuleException("銷售計畫由綜合管理員分解 (only the general administrator splits)");
		}
		SalesPlan plan = plan(number);
		if (plan.status() != Status.SPLITTING) {
			throw new BusinessRuleException("銷售計畫 %s 目前%s，不在分解中 (not splitting)".formatted(number, plan.statusName()));
		}
		checkVersion(plan, version);
		return plan;
	}

	private static void checkVersion(SalesPlan plan, Integer version) {
		if (version != null && version != plan.version()) {
			throw new BusinessRuleException("計畫 %s 在您打開頁面後已被修改，請重新打開後再改 (changed since)".formatted(plan.planNumber()));
		}
	}

	private void bump(SalesPlan plan) {
		jdbc.sql("UPDATE sales_plan SET version = version + 1 WHERE plan_number = :n").param("n", plan.planNumber()).update();
	}

	private String drafterOnly(SalesPlan plan) {
		String by = currentUser.id();
		if (!by.equals(plan.drafter())) {
			throw new BusinessRuleException("銷售計畫 %s 由起草人 %s 提交或撤回 (only the drafter)".formatted(plan.planNumber(), plan.drafter()));
		}
		return by;
	}

	private static Integer cartons(String text, String what, List<String> errors) {
		String value = text == null ? "" : text.strip().replace(",", "");
		if (!value.matches("\\d{1,9}")) {
			errors.add("%s 的數量「%s」應為不小於 0 的整數".formatted(what, BusinessTime.abbreviated(text == null ? "" : text)));
			return null;
		}
		return Integer.valueOf(value);
	}

	private static YearMonth month(Object text) {
		try {
			return YearMonth.parse(text == null ? "" : text.toString().strip());
		}
		catch (DateTimeParseException e) {
			throw new BusinessRuleException("月份「%s」格式不對，請用 YYYY-MM (month)".formatted(BusinessTime.abbreviated(String.valueOf(text))));
		}
	}

	private static String note(String note) {
		return CaseNote.of(note);
	}

	private static final String SELECT = """
			SELECT plan_number, plan_month, status, drafter, splitter, target_number, basis, note, version, created_at, approved_at
			FROM sales_plan""";

	private SalesPlan map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp approved = rs.getTimestamp("approved_at");
		return new SalesPlan(rs.getString("plan_number"), YearMonth.parse(rs.getString("plan_month")), Status.valueOf(rs.getString("status")),
				rs.getString("drafter"), rs.getString("splitter"), rs.getString("target_number"), rs.getString("basis"), rs.getString("note"),
				rs.getInt("version"), rs.getTimestamp("created_at").toLocalDateTime(), approved == null ? null : approved.toLocalDateTime());
	}
}
