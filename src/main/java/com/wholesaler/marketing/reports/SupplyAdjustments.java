package com.wholesaler.marketing.reports;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;
import com.wholesaler.marketing.substitution.ShortageCases;
import com.wholesaler.marketing.substitution.ShortageProcess;

/**
 * 貨源調整建議 (「分析貨源狀況，提出貨源調整建議」): the general administrator proposes, from the supply
 * state, to buy more or less of a product or to ration it. Buying more or less goes on as an
 * amendment of the contracts in force, which the general administrator starts from the contract's
 * page; rationing goes on as a shortage case, which the supply manager starts from the proposal.
 */
@Service
public class SupplyAdjustments {

	static final int MOST_REASON = 500;
	static final int LISTED = 50;

	/** A signed contract that takes the product: where an amendment would start. */
	public record ContractInForce(String contractNumber, String period, long cartons) {
	}

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final SupplyStates states;
	private final DocumentNumbers numbers;
	private final ShortageCases shortageCases;
	private final RuntimeService runtime;
	private final IdentityService identity;
	private final Clock clock;

	SupplyAdjustments(JdbcClient jdbc, Catalog catalog, SupplyStates states, DocumentNumbers numbers, ShortageCases shortageCases,
			RuntimeService runtime, IdentityService identity, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.states = states;
		this.numbers = numbers;
		this.shortageCases = shortageCases;
		this.runtime = runtime;
		this.identity = identity;
		this.clock = clock;
	}

	@Transactional
	public SupplyAdjustment propose(String by, Set<String> groups, String productText, String actionName, String reason) {
		if (!groups.contains(Role.GENERAL_ADMIN.groupId())) {
			throw new ActionForbidden("貨源調整建議由綜合管理員提出 (only the general administrator proposes)");
		}
		Product product = catalog.findProduct(productText == null ? "" : productText).orElseThrow(() -> new BusinessRuleException(
				"找不到規格「%s」，或有多個規格符合，請輸入規格代碼 (unknown product)".formatted(BusinessTime.abbreviated(String.valueOf(productText)))));
		if (!product.isActive()) {
			throw new BusinessRuleException("規格 %s %s 已停銷，不能調整貨源 (discontinued)".formatted(product.code(), product.name()));
		}
		AdjustmentAction action = AdjustmentAction.named(actionName);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new BusinessRuleException("請寫明建議的理由 (reason required)");
		}
		if (why.length() > MOST_REASON) {
			throw new BusinessRuleException("理由最多 %d 字 (reason too long)".formatted(MOST_REASON));
		}
		ProductSupply supply = states.today(java.time.LocalDate.now(clock)).stream().filter(p -> p.code().equals(product.code()))
				.findFirst().orElseThrow();
		LocalDateTime now = LocalDateTime.now(clock);
		String number = "GT-%d-%04d".formatted(now.getYear(), numbers.next("GT-" + now.getYear()));
		jdbc.sql("""
				INSERT INTO supply_adjustment (adjustment_number, product_code, supply_state, stock, ordered, unmet, action, reason,
				                               proposed_by, proposed_at)
				VALUES (:n, :p, :state, :stock, :ordered, :unmet, :action, :reason, :by, :at)""")
				.param("n", number).param("p", product.code()).param("state", supply.state().name()).param("stock", supply.stock())
				.param("ordered", supply.ordered()).param("unmet", supply.unmet()).param("action", action.name())
				.param("reason", why).param("by", by).param("at", now).update();
		return adjustment(number);
	}

	/**
	 * The supply manager starts the shortage case a rationing proposal asks for, as they would in
	 * Tasklist: under their own name, so the engine checks that they may, and the case's sheet shows who.
	 */
	@Transactional
	public String startShortageCase(String number, String by, Set<String> groups) {
		if (!groups.contains(Role.SUPPLY_MANAGER.groupId())) {
			throw new ActionForbidden("缺貨處理由貨源管理員發起 (only the supply manager starts a shortage case)");
		}
		SupplyAdjustment adjustment = adjustment(number);
		if (adjustment.action() != AdjustmentAction.LIMIT) {
			throw new BusinessRuleException("建議 %s 是「%s」，不是限量投放，不發起缺貨處理 (not a rationing proposal)"
					.formatted(number, adjustment.action().chineseName()));
		}
		if (adjustment.shortageCase() != null) {
			throw new BusinessRuleException("建議 %s 已發起缺貨處理 %s (already started)".formatted(number, adjustment.shortageCase()));
		}
		shortageCases.openCaseFor(adjustment.productCode()).ifPresent(open -> {
			throw new BusinessRuleException("規格 %s 已有進行中的缺貨處理 %s (a case is already open)"
					.formatted(adjustment.productCode(), open.caseNumber()));
		});
		identity.setAuthentication(by, List.copyOf(groups));
		String caseNumber;
		try {
			caseNumber = runtime.startProcessInstanceByKey(ShortageProcess.PROCESS_ID, Map.of(ShortageProcess.PRODUCT_CODE,
					adjustment.productCode(), ShortageProcess.NOTE, "貨源調整建議 %s：%s".formatted(number, adjustment.reason())))
					.getBusinessKey();
		}
		finally {
			identity.clearAuthentication();
		}
		jdbc.sql("UPDATE supply_adjustment SET shortage_case = :c, followed_by = :by, followed_at = :at WHERE adjustment_number = :n")
				.param("c", caseNumber).param("by", by).param("at", LocalDateTime.now(clock)).param("n", number).update();
		return caseNumber;
	}

	/** The latest proposals, newest first. */
	public List<SupplyAdjustment> recent() {
		return jdbc.sql(SELECT + " ORDER BY a.proposed_at DESC, a.adjustment_number DESC FETCH FIRST " + LISTED + " ROWS ONLY")
				.query((rs, i) -> map(rs)).list();
	}

	public SupplyAdjustment adjustment(String number) {
		return jdbc.sql(SELECT + " WHERE a.adjustment_number = :n").param("n", number).query((rs, i) -> map(rs)).optional()
				.orElseThrow(() -> new BusinessRuleException("沒有貨源調整建議 %s (unknown proposal)".formatted(BusinessTime.abbreviated(number))));
	}

	/** The signed contracts in force that take the product, where buying more or less would be amended. */
	public List<ContractInForce> contractsInForce(String productCode) {
		return jdbc.sql("""
				SELECT c.contract_number, c.period, l.cartons FROM contract c JOIN contract_line l ON l.contract_number = c.contract_number
				WHERE c.status = 'SIGNED' AND l.product_code = :p ORDER BY c.period DESC, c.contract_number""")
				.param("p", productCode)
				.query((rs, i) -> new ContractInForce(rs.getString("contract_number"), rs.getString("period"), rs.getLong("cartons")))
				.list();
	}

	private static final String SELECT = """
			SELECT a.*, p.name AS product_name FROM supply_adjustment a JOIN product p ON p.code = a.product_code""";

	private static SupplyAdjustment map(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Timestamp followed = rs.getTimestamp("followed_at");
		return new SupplyAdjustment(rs.getString("adjustment_number"), rs.getString("product_code"), rs.getString("product_name"),
				SupplyState.valueOf(rs.getString("supply_state")), rs.getLong("stock"), rs.getLong("ordered"), rs.getLong("unmet"),
				AdjustmentAction.valueOf(rs.getString("action")), rs.getString("reason"), rs.getString("proposed_by"),
				rs.getTimestamp("proposed_at").toLocalDateTime(), rs.getString("shortage_case"), rs.getString("followed_by"),
				followed == null ? null : followed.toLocalDateTime());
	}
}
