package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Product;

/**
 * The contract's lines as an amendment would leave them, and how far it moves them: the largest
 * quantity change of any line in percent (a line added or removed counts as 100) and whether any
 * agreed price changes. These two decide the approval route.
 */
public record AmendedLines(List<ContractLine> lines, BigDecimal quantityChangePercent, boolean priceChanged) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public boolean changesAnything(List<ContractLine> before) {
		return quantityChangePercent.signum() > 0 || priceChanged || lines.size() != before.size();
	}

	/**
	 * @param changes new absolute quantities (and optionally prices) per product; 0 removes a line
	 * @throws BusinessRuleException listing every line that breaks a rule; nothing is changed then
	 */
	static AmendedLines of(List<ContractLine> current, List<Contracts.LineChange> changes, String manufacturerCode,
			Function<String, Optional<Product>> products) {
		Map<String, ContractLine> lines = new LinkedHashMap<>();
		current.forEach(l -> lines.put(l.productCode(), l));
		List<String> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		BigDecimal largest = BigDecimal.ZERO;
		boolean priceChanged = false;
		for (Contracts.LineChange change : changes) {
			String code = change.productCode().trim().toUpperCase();
			try {
				if (!seen.add(code)) {
					throw new BusinessRuleException("規格 %s 出現了兩次 (listed twice)".formatted(code));
				}
				Product p = products.apply(code).orElseThrow(() -> new BusinessRuleException("找不到捲菸規格「%s」(unknown product)".formatted(code)));
				if (!p.manufacturerCode().equals(manufacturerCode)) {
					throw new BusinessRuleException("規格 %s 不是本工業企業的產品 (another manufacturer's product)".formatted(code));
				}
				if (change.cartons() < 0) {
					throw new BusinessRuleException("規格 %s 的數量必須是正整數（條）(cartons must be positive)".formatted(code));
				}
				ContractLine old = lines.get(code);
				BigDecimal price = change.unitPrice() != null ? change.unitPrice() : old != null ? old.unitPrice() : p.allocationPrice();
				if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
					throw new BusinessRuleException("規格 %s 的單價 %s 必須大於零且最多兩位小數 (price)".formatted(code, price.toPlainString()));
				}
				int received = old == null ? 0 : old.receivedCartons();
				if (change.cartons() < received) {
					throw new BusinessRuleException("規格 %s 已到貨 %d 條，變更後不能少於已到貨數量 (below what has arrived)".formatted(code, received));
				}
				BigDecimal percent;
				if (old == null || change.cartons() == 0) {
					percent = change.cartons() == 0 && old == null ? BigDecimal.ZERO : HUNDRED;
				}
				else {
					percent = BigDecimal.valueOf(Math.abs(change.cartons() - old.cartons())).multiply(HUNDRED)
							.divide(BigDecimal.valueOf(old.cartons()), 2, RoundingMode.HALF_UP);
					priceChanged |= price.compareTo(old.unitPrice()) != 0;
				}
				largest = largest.max(percent);
				if (change.cartons() == 0) {
					lines.remove(code);
				}
				else {
					lines.put(code, new ContractLine(code, p.name(), change.cartons(), price, old == null ? null : old.plannedCartons(),
							old == null ? null : old.plannedPrice(), old == null ? null : old.deviationReason(), received));
				}
			}
			catch (BusinessRuleException e) {
				errors.add(e.getMessage());
			}
		}
		if (errors.isEmpty() && lines.values().stream().noneMatch(l -> l.remainingCartons() > 0)) {
			errors.add("變更後已沒有未到貨的數量；如工業企業不再供貨，請由主任終止合同 (nothing left to arrive)");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors));
		}
		return new AmendedLines(new ArrayList<>(lines.values()), largest, priceChanged);
	}
}
