package com.wholesaler.marketing.purchaseplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The figures reviewers look at first. */
public record PlanTotals(int lines, int manufacturers, long cartons, BigDecimal amount) {

	public static PlanTotals of(List<PlanLine> lines) {
		List<PlanLine> planned = lines.stream().filter(l -> l.plannedCartons() > 0).toList();
		return new PlanTotals(planned.size(),
				(int) planned.stream().map(PlanLine::manufacturerCode).distinct().count(),
				planned.stream().mapToLong(PlanLine::plannedCartons).sum(),
				planned.stream().map(PlanLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/** 箱: the trade's unit for plans with manufacturers (250 cartons). */
	public BigDecimal boxes() {
		return BigDecimal.valueOf(cartons).divide(BigDecimal.valueOf(PlanLine.CARTONS_PER_BOX), 1, RoundingMode.HALF_UP);
	}

	public String summary() {
		return "共 %d 個品規，%d 家工業企業；%s 箱（%,d 條）；金額 ¥%,.2f"
				.formatted(lines, manufacturers, boxes().toPlainString(), cartons, amount);
	}
}
