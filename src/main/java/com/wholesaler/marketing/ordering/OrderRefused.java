package com.wholesaler.marketing.ordering;

import java.util.List;

/**
 * An order that would go past a limit or the stock: nothing of it is saved; each refused line says
 * what the limit is and what is left, so the clerk can offer that instead.
 */
public class OrderRefused extends RuntimeException {

	/** One refused line: asked, the limit that stops it (null for stock), what is left of it, and why. */
	public record RefusedLine(String productCode, int asked, Integer limit, int left, String reason) {
	}

	private final List<RefusedLine> lines;

	OrderRefused(List<RefusedLine> lines) {
		super("訂單有 %d 行超過限量或庫存，未保存：%s (order refused)".formatted(lines.size(),
				String.join("；", lines.stream().map(RefusedLine::reason).toList())));
		this.lines = List.copyOf(lines);
	}

	public List<RefusedLine> lines() {
		return lines;
	}
}
