package com.wholesaler.marketing.brands;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import com.wholesaler.marketing.catalog.Money;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 品牌推廣活動 (「品牌的策劃、宣傳和推廣」「廣告和促銷活動」「推介會、展銷會」): the brand manager proposes a
 * presentation, a fair or a promotion for a brand's products to retailers of some tiers and regions, with
 * its budget and the manufacturer's share; the brand-planning head reviews and the director approves
 * (either may return it); four weeks after it ends the brand manager records its results — attendance,
 * and the target retailers' orders of the products in the four weeks after against the four weeks before.
 */
@Service
public class BrandPromotions {

	public static final String PROCESS_ID = "brandPromotion";

	/** Weeks compared before the activity and after it; the results are due this long after it ends. */
	public static final int WEEKS_COMPARED = 4;

	public enum Kind {
		PRESENTATION("推介會"), FAIR("展銷會"), PROMOTION("促銷活動");

		private final String chineseName;

		Kind(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	public enum Status {
		REVIEWING("待審核"), APPROVING("待主任審批"), RETURNED("退回修改"), APPROVED("已批准，待記錄效果"), DONE("已完成"), WITHDRAWN("已撤回");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	/** What the proposal's form holds, checked as far as the text alone can tell. */
	public record Draft(Kind kind, String brand, List<String> products, LocalDate startsOn, LocalDate endsOn, TierRange tiers, List<String> regions,
			BigDecimal budget, BigDecimal manufacturerShare, String description) {

		static Draft of(Object kind, Object brand, Object products, Object startsOn, Object endsOn, Object tiers, Object regions, Object budget,
				Object share, Object description) {
			List<String> errors = new ArrayList<>();
			Kind k = Arrays.stream(Kind.values()).filter(v -> v.name().equals(FormText.of(kind))).findFirst().orElse(null);
			if (k == null) {
				errors.add("請選擇活動類型（推介會、展銷會、促銷活動）");
			}
			String b = FormText.of(brand);
			if (b.isEmpty() || b.length() > 50) {
				errors.add("請填寫品牌（最多 50 字）");
			}
			List<String> codes = codes(products);
			if (codes.isEmpty()) {
				errors.add("請填寫推廣的規格代碼，以空格或逗號分開");
			}
			LocalDate from = null;
			LocalDate to = null;
			try {
				from = BusinessTime.date(startsOn);
				to = BusinessTime.date(endsOn);
			}
			catch (BusinessRuleException e) {
				errors.add(e.getMessage());
			}
			if (from == null || to == null) {
				errors.add("請填寫活動的開始和結束日期");
			}
			else if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 92) {
				errors.add("結束日期應在開始日期之後，活動最長 93 天");
			}
			TierRange t = TierRange.parse(tiers).orElse(null);
			if (t == null) {
				errors.add(TierRange.RULE);
			}
			List<String> r = codes(regions);
			BigDecimal money = null;
			BigDecimal paid = null;
			try {
				money = Money.amount(FormText.of(budget));
				paid = FormText.of(share).isEmpty() ? BigDecimal.ZERO : Money.amount(FormText.of(share));
			}
			catch (BusinessRuleException e) {
				errors.add(e.getMessage());
			}
			if (money == null || money.signum() < 0 || paid == null || paid.signum() < 0 || paid.compareTo(money) > 0) {
				errors.add("預算應不小於 0，工業企業分擔應在 0 和預算之間（元）");
			}
			String what = FormText.of(description);
			if (what.isEmpty() || what.length() > 1000) {
				errors.add("請寫明活動內容（最多 1000 字）");
			}
			if (!errors.isEmpty()) {
				throw new BusinessRuleException(String.join("；", errors) + " (promotion)");
			}
			return new Draft(k, b, codes, from, to, t, r, money, paid, what);
		}

		private static List<String> codes(Object text) {
			Set<String> codes = new LinkedHashSet<>();
			for (String c : FormText.of(text).toUpperCase().split("[\\s,，、]+")) {
				if (!c.isEmpty()) {
					codes.add(c);
				}
			}
			return List.copyOf(codes);
		}
	}

	public record Promotion(String number, Draft draft, String drafter, Status status, Integer attendance, Integer cartonsBefore,
			Integer cartonsAfter, Integer retailersBefore, Integer retailersAfter, String resultNote, LocalDateTime createdAt) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return number;
		}

		@Override
		public String caseName() {
			return "品牌推廣活動";
		}

		@Override
		public Area area() {
			return Area.SUPPLIERS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return (step == PromotionStep.REVIEW && status == Status.REVIEWING) || (step == PromotionStep.APPROVE && status == Status.APPROVING);
		}

		public LocalDate resultsDue() {
			return draft.endsOn().plusWeeks(WEEKS_COMPARED).plusDays(1);
		}
	}

	/** The target retailers' orders of the products: cartons and retailers ordering, in the weeks before and after. */
	public record Effect(long cartonsBefore, long cartonsAfter, long retailersBefore, long retailersAfter) {
	}

	private final JdbcClient jdbc;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final DocumentNumbers numbers;
	private final Clock clock;

	BrandPromotions(JdbcClient jdbc, ApprovalCore core, ApprovalSheet sheet, CurrentUser currentUser, DocumentNumbers numbers, Clock clock) {
		this.jdbc = jdbc;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.numbers = numbers;
		this.clock = clock;
	}

	String propose(Draft draft) {
		var actor = currentUser.actor();
		if (!actor.holds(Role.BRAND_MANAGER)) {
			throw new BusinessRuleException("品牌推廣活動由品牌管理員提出 (only the brand manager proposes)");
		}
		check(draft);
		int year = LocalDate.now(clock).getYear();
		String number = "BA-%d-%04d".formatted(year, numbers.next("BA-" + year));
		jdbc.sql("""
				INSERT INTO brand_promotion (promotion_number, kind, brand, products, starts_on, ends_on, target_tiers, regions, budget,
				       manufacturer_share, description, drafter, status, created_at)
				VALUES (:n, :k, :b, :p, :f, :t, :tiers, :r, :budget, :share, :d, :by, 'REVIEWING', :at)""")
				.param("n", number).param("k", draft.kind().name()).param("b", draft.brand()).param("p", String.join(",", draft.products()))
				.param("f", Date.valueOf(draft.startsOn())).param("t", Date.valueOf(draft.endsOn())).param("tiers", draft.tiers().toString())
				.param("r", String.join(",", draft.regions())).param("budget", draft.budget()).param("share", draft.manufacturerShare())
				.param("d", draft.description()).param("by", actor.id()).param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0))).update();
		sheet.record(number, PromotionStep.PROPOSE, ApprovalEventType.SUBMIT, summary(draft), actor.id());
		return number;
	}

	/** The brand-planning head's review or the director's approval, by the approval core; a return goes to the proposer. */
	void decide(String number, PromotionStep step, Object decision, String comment) {
		Promotion p = promotion(number);
		ApprovalCore.Verdict verdict = core.check(p, step, Decision.of(decision), comment);
		Status next = verdict.decision() != Decision.APPROVE ? Status.RETURNED : step == PromotionStep.REVIEW ? Status.APPROVING : Status.APPROVED;
		status(number, next);
		core.record(p, verdict);
	}

	void revise(String number, Object action, Supplier<Draft> revised, String note) {
		Promotion p = promotion(number);
		String by = currentUser.id();
		if (Resubmission.of(p, p.status() == Status.RETURNED, by, action) == Resubmission.WITHDRAW) {
			status(number, Status.WITHDRAWN);
			sheet.record(number, PromotionStep.PROPOSE, ApprovalEventType.WITHDRAW, note, by);
			return;
		}
		Draft d = revised.get();
		check(d);
		jdbc.sql("""
				UPDATE brand_promotion SET kind = :k, brand = :b, products = :p, starts_on = :f, ends_on = :t, target_tiers = :tiers, regions = :r,
				       budget = :budget, manufacturer_share = :share, description = :d, status = 'REVIEWING' WHERE promotion_number = :n""")
				.param("k", d.kind().name()).param("b", d.brand()).param("p", String.join(",", d.products())).param("f", Date.valueOf(d.startsOn()))
				.param("t", Date.valueOf(d.endsOn())).param("tiers", d.tiers().toString()).param("r", String.join(",", d.regions()))
				.param("budget", d.budget()).param("share", d.manufacturerShare()).param("d", d.description()).param("n", number).update();
		sheet.record(number, PromotionStep.PROPOSE, ApprovalEventType.RESUBMIT, summary(d), by);
	}

	/** The brand manager records the results: attendance and a note; the orders before and after are taken from the data. */
	void recordResults(String number, Object attendance, String note) {
		Promotion p = promotion(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.BRAND_MANAGER)) {
			throw new BusinessRuleException("活動效果由品牌管理員記錄 (only the brand manager records results)");
		}
		if (p.status() != Status.APPROVED) {
			throw new BusinessRuleException("品牌推廣活動 %s 目前%s (not approved)".formatted(number, p.status().chineseName()));
		}
		String n = FormText.of(attendance);
		String text = note == null ? "" : note.strip();
		if (!n.matches("\\d{1,6}") || text.isEmpty() || text.length() > 1000) {
			throw new BusinessRuleException("請填寫到場的零售客戶數（整數）和活動效果說明（最多 1000 字）(results)");
		}
		Effect e = effect(p.draft());
		jdbc.sql("""
				UPDATE brand_promotion SET status = 'DONE', attendance = :a, cartons_before = :cb, cartons_after = :ca, retailers_before = :rb,
				       retailers_after = :ra, result_note = :note WHERE promotion_number = :n""")
				.param("a", Integer.parseInt(n)).param("cb", e.cartonsBefore()).param("ca", e.cartonsAfter()).param("rb", e.retailersBefore())
				.param("ra", e.retailersAfter()).param("note", text).param("n", number).update();
		sheet.record(number, PromotionStep.RESULTS, ApprovalEventType.SUBMIT, "到場 %s 家；活動後 %d 週訂購 %,d 條（%d 家），活動前 %d 週 %,d 條（%d 家）。%s"
				.formatted(n, WEEKS_COMPARED, e.cartonsAfter(), e.retailersAfter(), WEEKS_COMPARED, e.cartonsBefore(), e.retailersBefore(), text),
				actor.id());
	}

	/** The target retailers' orders of the activity's products in the four weeks before it starts and the four weeks after it ends. */
	public Effect effect(Draft d) {
		long[] before = orders(d, d.startsOn().minusWeeks(WEEKS_COMPARED), d.startsOn().minusDays(1));
		long[] after = orders(d, d.endsOn().plusDays(1), d.endsOn().plusWeeks(WEEKS_COMPARED));
		return new Effect(before[0], after[0], before[1], after[1]);
	}

	private long[] orders(Draft d, LocalDate from, LocalDate to) {
		long[] result = new long[2];
		String regions = d.regions().isEmpty() ? "" : " AND r.region_code IN (:regions)";
		var spec = jdbc.sql("""
				SELECT COALESCE(SUM(l.cartons), 0) AS cartons, COUNT(DISTINCT o.retailer_code) AS retailers
				FROM phone_order o JOIN phone_order_line l ON l.order_id = o.id JOIN retailer r ON r.code = o.retailer_code
				WHERE l.product_code IN (:products) AND o.call_date BETWEEN :f AND :t AND r.tier BETWEEN :lo AND :hi""" + regions)
				.param("products", d.products()).param("f", from).param("t", to).param("lo", d.tiers().from()).param("hi", d.tiers().to());
		if (!d.regions().isEmpty()) {
			spec = spec.param("regions", d.regions());
		}
		spec.query(rs -> {
			result[0] = rs.getLong("cartons");
			result[1] = rs.getLong("retailers");
		});
		return result;
	}

	/** When the results are due: four weeks after the activity ends, at the start of the day. */
	java.util.Date resultsDueAt(String number) {
		return BusinessTime.startOf(promotion(number).resultsDue());
	}

	public Promotion promotion(String number) {
		return jdbc.sql("SELECT * FROM brand_promotion WHERE promotion_number = :n").param("n", number).query(this::map).optional()
				.orElseThrow(() -> new BusinessRuleException("找不到品牌推廣活動「%s」(unknown promotion)".formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public List<Promotion> ofBrand(String brand) {
		return jdbc.sql("SELECT * FROM brand_promotion WHERE brand = :b AND status <> 'WITHDRAWN' ORDER BY starts_on DESC").param("b", brand)
				.query(this::map).list();
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	static String summary(Draft d) {
		return "%s「%s」：%s 至 %s，規格 %s，目標檔位 %s，區域 %s；預算 %s 元，其中工業企業分擔 %s 元。%s".formatted(d.kind().chineseName(), d.brand(),
				d.startsOn(), d.endsOn(), String.join("、", d.products()), d.tiers(), d.regions().isEmpty() ? "全部" : String.join("、", d.regions()),
				d.budget().toPlainString(), d.manufacturerShare().toPlainString(), d.description());
	}

	private void check(Draft d) {
		List<String> errors = new ArrayList<>();
		if (d.startsOn().isBefore(LocalDate.now(clock))) {
			errors.add("活動開始日期 %s 已過 (start date)".formatted(d.startsOn()));
		}
		List<String> ofBrand = jdbc.sql("SELECT code FROM product WHERE brand = :b AND status = 'ACTIVE' AND code IN (:c)").param("b", d.brand())
				.param("c", d.products()).query(String.class).list();
		List<String> others = d.products().stream().filter(c -> !ofBrand.contains(c)).toList();
		if (!others.isEmpty()) {
			errors.add("以下規格不是「%s」在售的規格：%s (not the brand's products)".formatted(BusinessTime.abbreviated(d.brand()),
					BusinessTime.abbreviated(String.join("、", others))));
		}
		if (!d.regions().isEmpty()) {
			List<String> known = jdbc.sql("SELECT code FROM region WHERE code IN (:r)").param("r", d.regions()).query(String.class).list();
			List<String> unknown = d.regions().stream().filter(r -> !known.contains(r)).toList();
			if (!unknown.isEmpty()) {
				errors.add("找不到區域 %s；不填表示全部區域 (unknown region)".formatted(BusinessTime.abbreviated(String.join("、", unknown))));
			}
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
	}

	private void status(String number, Status status) {
		jdbc.sql("UPDATE brand_promotion SET status = :s WHERE promotion_number = :n").param("s", status.name()).param("n", number).update();
	}

	private Promotion map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String regions = rs.getString("regions");
		Draft d = new Draft(Kind.valueOf(rs.getString("kind")), rs.getString("brand"), List.of(rs.getString("products").split(",")),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), TierRange.parse(rs.getString("target_tiers")).orElseThrow(),
				regions.isEmpty() ? List.of() : List.of(regions.split(",")), rs.getBigDecimal("budget"), rs.getBigDecimal("manufacturer_share"),
				rs.getString("description"));
		return new Promotion(rs.getString("promotion_number"), d, rs.getString("drafter"), Status.valueOf(rs.getString("status")),
				(Integer) rs.getObject("attendance", Integer.class), (Integer) rs.getObject("cartons_before", Integer.class),
				(Integer) rs.getObject("cartons_after", Integer.class), (Integer) rs.getObject("retailers_before", Integer.class),
				(Integer) rs.getObject("retailers_after", Integer.class), rs.getString("result_note"), rs.getTimestamp("created_at").toLocalDateTime());
	}
}
