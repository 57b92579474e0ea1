package com.wholesaler.marketing.contract;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;

/**
 * 網上交易訂貨 (「負責網上交易訂貨操作並管理購進合同」): the brand-planning head records each call-off placed
 * on the trading platform against a signed contract — its platform order number, date and lines, one
 * 「規格代碼 條數」 a line. A line called off beyond what the contract leaves (agreed less called off
 * before) refuses the whole call-off.
 */
@Service
public class CallOffs {

	/**
	 * A call-off with the cartons of each line that arrived for it: the contract's arrivals of a product
	 * are matched to its call-offs oldest first, as the goods are shipped in the order they were called off.
	 */
	public record CallOff(String platformOrder, LocalDate orderedOn, String recordedBy, Map<String, Integer> lines, Map<String, Integer> received) {

		public int received(String productCode) {
			return received.getOrDefault(productCode, 0);
		}

		/** 已到齊, 部分到貨 or 待到貨. */
		public String arrivalState() {
			int wanted = lines.values().stream().mapToInt(Integer::intValue).sum();
			int got = received.values().stream().mapToInt(Integer::intValue).sum();
			return got >= wanted ? "已到齊" : got > 0 ? "部分到貨" : "待到貨";
		}
	}

	/** The call-offs newest first, each with its arrivals, and what arrived beyond every call-off, per product. */
	public record Matching(List<CallOff> callOffs, Map<String, Integer> beyondCallOffs) {

		/** Cartons called off so far, per product, as {@link CallOffs#calledOff} counts them. */
		public Map<String, Integer> calledOff() {
			Map<String, Integer> called = new HashMap<>();
			callOffs.forEach(off -> off.lines().forEach((code, cartons) -> called.merge(code, cartons, Integer::sum)));
			return called;
		}
	}

	private final JdbcClient jdbc;
	private final Contracts contracts;
	private final Clock clock;

	CallOffs(JdbcClient jdbc, Contracts contracts, Clock clock) {
		this.jdbc = jdbc;
		this.contracts = contracts;
		this.clock = clock;
	}

	@Transactional
	public void record(String number, String by, Set<String> groups, String platformOrder, String day, String linesText) {
		if (!groups.contains(Role.BRAND_PLANNING_HEAD.groupId())) {
			throw new BusinessRuleException("網上交易訂貨由品牌策劃部主任操作 (only the brand-planning head)");
		}
		Contract contract = contracts.contract(number);
		if (contract.status() != ContractStatus.SIGNED) {
			throw new BusinessRuleException("合同 %s 目前%s，只有履行中的合同可以訂貨 (not signed)".formatted(number, contract.status().chineseName()));
		}
		String order = platformOrder == null ? "" : platformOrder.strip();
		if (!order.matches("[A-Za-z0-9-]{4,40}")) {
			throw new BusinessRuleException("平台訂單號應為 4 至 40 位字母、數字或「-」(platform order number)");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM contract_call_off WHERE platform_order = :o").param("o", order).query(Long.class).single() > 0) {
			throw new BusinessRuleException("平台訂單 %s 已記錄過 (already recorded)".formatted(order));
		}
		LocalDate on = BusinessTime.day(day, LocalDate.now(clock));
		if (on.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("訂貨日期 %s 還沒到 (date in the future)".formatted(on));
		}
		Map<String, Integer> remaining = remaining(number);
		Map<String, Integer> lines = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		int row = 0;
		for (String raw : (linesText == null ? "" : linesText).split("\\R")) {
			row++;
			if (raw.isBlank()) {
				continue;
			}
			String[] parts = raw.strip().split("\\s+");
			if (parts.length != 2 || !parts[1].matches("\\d{1,7}") || Integer.parseInt(parts[1]) == 0) {
				errors.add("第 %d 行應為「規格代碼 條數」，條數大於 0".formatted(row));
				continue;
			}
			String code = parts[0].toUpperCase();
			int cartons = Integer.parseInt(parts[1]);
			if (!remaining.containsKey(code)) {
				errors.add("第 %d 行：規格 %s 不在本合同中".formatted(row, code));
			}
			else if (lines.containsKey(code)) {
				errors.add("第 %d 行：規格 %s 重複".formatted(row, code));
			}
			else if (cartons > remaining.get(code)) {
				errors.add("第 %d 行：規格 %s 訂 %,d 條，超過合同尚可訂的 %,d 條".formatted(row, code, cartons, remaining.get(code)));
			}
			lines.put(code, cartons);
		}
		if (lines.isEmpty() && errors.isEmpty()) {
			errors.add("請至少填一行");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + "（本次訂貨未記錄）");
		}
		jdbc.sql("INSERT INTO contract_call_off (contract_number, platform_order, ordered_on, recorded_by, recorded_at) VALUES (:n, :o, :d, :by, :at)")
				.param("n", number).param("o", order).param("d", on).param("by", by).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
		long id = jdbc.sql("SELECT id FROM contract_call_off WHERE platform_order = :o").param("o", order).query(Long.class).single();
		lines.forEach((code, cartons) -> jdbc.sql("INSERT INTO contract_call_off_line (call_off_id, product_code, cartons) VALUES (:i, :p, :c)")
				.param("i", id).param("p", code).param("c", cartons).update());
	}

	/** Cartons called off so far, per product of the contract. */
	public Map<String, Integer> calledOff(String number) {
		Map<String, Integer> called = new HashMap<>();
		jdbc.sql("""
				SELECT l.product_code, SUM(l.cartons) AS cartons FROM contract_call_off c JOIN contract_call_off_line l ON l.call_off_id = c.id
				WHERE c.contract_number = :n GROUP BY l.product_code""").param("n", number)
				.query(rs -> {
					called.put(rs.getString("product_code"), rs.getInt("cartons"));
				});
		return called;
	}

	public List<CallOff> of(String number) {
		return matching(number).callOffs();
	}

	/** The contract's arrivals matched to its call-offs, oldest call-off first. */
	public Matching matching(String number) {
		Map<Long, CallOff> offs = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT c.id, c.platform_order, c.ordered_on, c.recorded_by, l.product_code, l.cartons
				FROM contract_call_off c JOIN contract_call_off_line l ON l.call_off_id = c.id
				WHERE c.contract_number = :n ORDER BY c.ordered_on, c.id, l.product_code""").param("n", number)
				.query(rs -> {
					offs.computeIfAbsent(rs.getLong("id"), i -> {
						try {
							return new CallOff(rs.getString("platform_order"), rs.getDate("ordered_on").toLocalDate(), rs.getString("recorded_by"),
									new LinkedHashMap<>(), new HashMap<>());
						}
						catch (java.sql.SQLException e) {
							throw new IllegalStateException(e);
						}
					}).lines().put(rs.getString("product_code"), rs.getInt("cartons"));
				});
		Map<String, Integer> arrived = new HashMap<>();
		contracts.lines(number).forEach(l -> arrived.merge(l.productCode(), l.receivedCartons(), Integer::sum));
		for (CallOff off : offs.values()) {
			off.lines().forEach((code, cartons) -> {
				int matched = Math.min(cartons, arrived.getOrDefault(code, 0));
				if (matched > 0) {
					off.received().put(code, matched);
					arrived.merge(code, -matched, Integer::sum);
				}
			});
		}
		arrived.values().removeIf(left -> left <= 0);
		List<CallOff> newestFirst = new ArrayList<>(offs.values());
		java.util.Collections.reverse(newestFirst);
		return new Matching(newestFirst, arrived);
	}

	/** What each line of the contract (as in force) still leaves to call off. */
	private Map<String, Integer> remaining(String number) {
		Map<String, Integer> called = calledOff(number);
		Map<String, Integer> remaining = new HashMap<>();
		for (ContractLine line : contracts.lines(number)) {
			remaining.put(line.productCode(), line.cartons() - called.getOrDefault(line.productCode(), 0));
		}
		return remaining;
	}
}
