package com.wholesaler.marketing.brands;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

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
 * 品牌引入 (「制定品牌引入計畫…」): the supply manager proposes a new product with its prices, expected
 * monthly volume, target tiers and reason; the brand manager evaluates it; the brand-planning head reviews
 * and the director approves (either may return it to the proposer); approved, it enters the catalog as a
 * new product, and its first order (a month's expected volume) waits for the next purchase plan.
 */
@Service
public class BrandIntroductions {

	public static final String PROCESS_ID = "brandIntroduction";

	public enum Status {
		EVALUATING("待評估"), REVIEWING("待審核"), APPROVING("待主任審批"), RETURNED("退回修改"), APPROVED("已引入"), WITHDRAWN("已撤回");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	/** What the proposal's form holds, read as the catalog needs it. */
	public record Proposal(String manufacturerCode, String brand, String productName, BigDecimal allocationPrice, BigDecimal wholesalePrice,
			BigDecimal retailPrice, int monthlyVolume, String targetTiers, String reason) {

		/** Every field checked at once; all errors named together. */
		static Proposal of(Object manufacturer, Object brand, Object name, Object allocation, Object wholesale, Object retail, Object volume,
				Object tiers, Object reason) {
			List<String> errors = new ArrayList<>();
			String m = FormText.of(manufacturer).toUpperCase();
			String b = FormText.of(brand);
			String n = FormText.of(name);
			if (b.isEmpty() || b.length() > 50) {
				errors.add("品牌應為 1 至 50 字");
			}
			if (n.isEmpty() || n.length() > 100) {
				errors.add("規格名稱應為 1 至 100 字");
			}
			BigDecimal a = price(allocation, "調撥價", errors);
			BigDecimal w = price(wholesale, "批發價", errors);
			BigDecimal r = price(retail, "建議零售價", errors);
			if (a != null && w != null && r != null && !(a.compareTo(w) < 0 && w.compareTo(r) < 0)) {
				errors.add("價格應為 調撥價 < 批發價 < 零售價");
			}
			Integer v = null;
			if (!FormText.of(volume).matches("\\d{1,7}") || Integer.parseInt(FormText.of(volume)) == 0) {
				errors.add("預計月銷量應為大於 0 的整數（條）");
			}
			else {
				v = Integer.valueOf(FormText.of(volume));
			}
			String t = TierRange.parse(tiers).map(TierRange::toString).orElse(null);
			if (t == null) {
				errors.add(TierRange.RULE);
			}
			String why = FormText.of(reason);
			if (why.isEmpty() || why.length() > 1000) {
				errors.add("請寫明引入理由（最多 1000 字）");
			}
			if (!errors.isEmpty()) {
				throw new BusinessRuleException(String.join("；", errors) + " (introduction)");
			}
			return new Proposal(m, b, n, a, w, r, v, t, why);
		}

		private static BigDecimal price(Object value, String what, List<String> errors) {
			try {
				BigDecimal p = new BigDecimal(FormText.of(value)).setScale(2, java.math.RoundingMode.HALF_UP);
				if (p.signum() <= 0 || p.compareTo(new BigDecimal("100000")) >= 0) {
					errors.add(what + "應大於 0 且小於 100,000 元");
					return null;
				}
				return p;
			}
			catch (NumberFormatException e) {
				errors.add(what + "「" + BusinessTime.abbreviated(FormText.of(value)) + "」不是數字");
				return null;
			}
		}
	}

	public record Introduction(String number, Proposal proposal, String drafter, Status status, String evaluation, Integer evaluationScore,
			String productCode, LocalDateTime createdAt) implements ApprovalCase {

		@Override
		public String caseNumber() {
			return number;
		}

		@Override
		public String caseName() {
			return "品牌引入";
		}

		@Override
		public Area area() {
			return Area.SUPPLIERS;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return (step == IntroductionStep.REVIEW && status == Status.REVIEWING) || (step == IntroductionStep.APPROVE && status == Status.APPROVING);
		}
	}

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final ApprovalCore core;
	private final ApprovalSheet sheet;
	private final CurrentUser currentUser;
	private final DocumentNumbers numbers;
	private final Clock clock;

	BrandIntroductions(JdbcClient jdbc, Catalog catalog, ApprovalCore core, ApprovalSheet sheet, CurrentUser currentUser, DocumentNumbers numbers,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.core = core;
		this.sheet = sheet;
		this.currentUser = currentUser;
		this.numbers = numbers;
		this.clock = clock;
	}

	String propose(Proposal proposal) {
		var actor = currentUser.actor();
		if (!actor.holds(Role.SUPPLY_MANAGER)) {
			throw new BusinessRuleException("品牌引入由貨源管理員提出 (only the supply manager proposes)");
		}
		check(proposal);
		int year = LocalDate.now(clock).getYear();
		String number = "XP-%d-%04d".formatted(year, numbers.next("XP-" + year));
		jdbc.sql("""
				INSERT INTO product_introduction (introduction_number, manufacturer_code, brand, product_name, allocation_price, wholesale_price,
				       retail_price, monthly_volume, target_tiers, reason, drafter, status, created_at)
				VALUES (:n, :m, :b, :p, :a, :w, :r, :v, :t, :why, :by, 'EVALUATING', :at)""")
				.param("n", number).param("m", proposal.manufacturerCode()).param("b", proposal.brand()).param("p", proposal.productName())
				.param("a", proposal.allocationPrice()).param("w", proposal.wholesalePrice()).param("r", proposal.retailPrice())
				.param("v", proposal.monthlyVolume()).param("t", proposal.targetTiers()).param("why", proposal.reason()).param("by", actor.id())
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		sheet.record(number, IntroductionStep.PROPOSE, ApprovalEventType.SUBMIT, summary(proposal), actor.id());
		return number;
	}

	/** The brand manager's evaluation: what the market will make of it, scored 1–5. */
	void evaluate(String number, String evaluation, Object score) {
		Introduction intro = introduction(number);
		var actor = currentUser.actor();
		if (!actor.holds(Role.BRAND_MANAGER)) {
			throw new BusinessRuleException("品牌引入由品牌管理員評估 (only the brand manager evaluates)");
		}
		if (intro.status() != Status.EVALUATING) {
			throw new BusinessRuleException("品牌引入 %s 目前%s (not evaluating)".formatted(number, intro.status().chineseName()));
		}
		String text = evaluation == null ? "" : evaluation.strip();
		String s = FormText.of(score);
		if (text.isEmpty() || text.length() > 1000 || !s.matches("[1-5]")) {
			throw new BusinessRuleException("請寫明評估意見（最多 1000 字）並給出 1 至 5 的評分 (evaluation)");
		}
		jdbc.sql("UPDATE product_introduction SET status = 'REVIEWING', evaluation = :e, evaluation_score = :s WHERE introduction_number = :n")
				.param("e", text).param("s", Integer.parseInt(s)).param("n", number).update();
		sheet.record(number, IntroductionStep.EVALUATE, ApprovalEventType.SUBMIT, "評分 %s：%s".formatted(s, text), actor.id());
	}

	/** The brand-planning head's review or the director's approval, checked by the approval core; a return goes to the proposer. */
	void decide(String number, IntroductionStep step, Object decision, String comment) {
		Introduction intro = introduction(number);
		ApprovalCore.Verdict verdict = core.check(intro, step, Decision.of(decision), comment);
		Status next = verdict.decision() != Decision.APPROVE ? Status.RETURNED : step == IntroductionStep.REVIEW ? Status.APPROVING : Status.APPROVED;
		String code = null;
		if (next == Status.APPROVED) {
			check(intro.proposal());
			Proposal p = intro.proposal();
			code = catalog.introduce(p.productName(), p.brand(), p.manufacturerCode(), p.allocationPrice(), p.wholesalePrice(), p.retailPrice(),
					p.monthlyVolume(), number);
		}
		jdbc.sql("UPDATE product_introduction SET status = :s, product_code = :c WHERE introduction_number = :n")
				.param("s", next.name()).param("c", code).param("n", number).update();
		core.record(intro, verdict);
	}

	/** The proposer resubmits the returned proposal as now written (to be evaluated again), or withdraws it. */
	void revise(String number, Object action, java.util.function.Supplier<Proposal> revised, String note) {
		Introduction intro = introduction(number);
		String by = currentUser.id();
		if (Resubmission.of(intro, intro.status() == Status.RETURNED, by, action) == Resubmission.WITHDRAW) {
			jdbc.sql("UPDATE product_introduction SET status = 'WITHDRAWN' WHERE introduction_number = :n").param("n", number).update();
			sheet.record(number, IntroductionStep.PROPOSE, ApprovalEventType.WITHDRAW, note, by);
			return;
		}
		Proposal p = revised.get();
		if (!p.manufacturerCode().equals(intro.proposal().manufacturerCode())) {
			throw new BusinessRuleException("修改時不能換工業企業 (manufacturer)");
		}
		check(p);
		jdbc.sql("""
				UPDATE product_introduction SET brand = :b, product_name = :p, allocation_price = :a, wholesale_price = :w, retail_price = :r,
				       monthly_volume = :v, target_tiers = :t, reason = :why, status = 'EVALUATING', evaluation = NULL, evaluation_score = NULL
				WHERE introduction_number = :n""")
				.param("b", p.brand()).param("p", p.productName()).param("a", p.allocationPrice()).param("w", p.wholesalePrice())
				.param("r", p.retailPrice()).param("v", p.monthlyVolume()).param("t", p.targetTiers()).param("why", p.reason()).param("n", number)
				.update();
		sheet.record(number, IntroductionStep.PROPOSE, ApprovalEventType.RESUBMIT, summary(p), by);
	}

	public Introduction introduction(String number) {
		return jdbc.sql("SELECT * FROM product_introduction WHERE introduction_number = :n").param("n", number).query(this::map).optional()
				.orElseThrow(() -> new BusinessRuleException("找不到品牌引入「%s」(unknown)".formatted(BusinessTime.abbreviated(String.valueOf(number)))));
	}

	public List<Introduction> ofBrand(String brand) {
		return jdbc.sql("SELECT * FROM product_introduction WHERE brand = :b ORDER BY created_at DESC").param("b", brand).query(this::map).list();
	}

	public List<ApprovalEvent> history(String number) {
		return sheet.of(number);
	}

	static String summary(Proposal p) {
		return "%s %s（%s）：調撥價 %s、批發價 %s、零售價 %s 元/條；預計月銷 %,d 條；目標檔位 %s。理由：%s".formatted(p.brand(), p.productName(),
				p.manufacturerCode(), p.allocationPrice(), p.wholesalePrice(), p.retailPrice(), p.monthlyVolume(), p.targetTiers(), p.reason());
	}

	private void check(Proposal p) {
		if (!catalog.manufacturerExists(p.manufacturerCode())) {
			throw new BusinessRuleException("找不到工業企業「%s」(unknown manufacturer)".formatted(BusinessTime.abbreviated(p.manufacturerCode())));
		}
		if (catalog.productNamed(p.productName()).isPresent()) {
			throw new BusinessRuleException("目錄中已有規格「%s」(already in the catalog)".formatted(p.productName()));
		}
	}

	private Introduction map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Object score = rs.getObject("evaluation_score");
		return new Introduction(rs.getString("introduction_number"), new Proposal(rs.getString("manufacturer_code"), rs.getString("brand"),
				rs.getString("product_name"), rs.getBigDecimal("allocation_price"), rs.getBigDecimal("wholesale_price"), rs.getBigDecimal("retail_price"),
				rs.getInt("monthly_volume"), rs.getString("target_tiers"), rs.getString("reason")), rs.getString("drafter"),
				Status.valueOf(rs.getString("status")), rs.getString("evaluation"), score == null ? null : ((Number) score).intValue(),
				rs.getString("product_code"), rs.getTimestamp("created_at").toLocalDateTime());
	}
}
