package com.wholesaler.marketing.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Cartons;
import com.wholesaler.marketing.catalog.Money;

/**
 * Contract lines as the draft and amendment forms take them, one product per line:
 * "code cartons [price] [reason]" (a line that differs from the plan says why).
 */
final class LineChanges {

	private LineChanges() {
	}

	/** An amendment's lines: "code cartons [price]"; the amendment's reason stands on its own. */
	static List<Contracts.LineChange> parseAmendment(String text) {
		int n = 0;
		for (String line : ArrivalRecord.lines(text)) {
			n++;
			String[] cells = line.split("[\\s,，]+");
			if (cells.length < 2 || cells.length > 3 || !cells[1].matches("-?\\d+") || cells.length == 3 && !cells[2].matches("[\\d.,]+([eE][+-]?\\d+)?")) {
				throw new BusinessRuleException("第 %d 行「%s」應為「規格代碼 數量（條） [單價]」(code cartons [price])".formatted(n, line));
			}
		}
		return parse(text);
	}

	static List<Contracts.LineChange> parse(String text) {
		List<Contracts.LineChange> changes = new ArrayList<>();
		int n = 0;
		for (String line : ArrivalRecord.lines(text)) {
			n++;
			String[] cells = line.split("[\\s,，]+", 4);
			if (cells.length < 2 || !cells[1].matches("-?\\d+")) {
				throw new BusinessRuleException("第 %d 行「%s」應為「規格代碼 數量（條） [單價] [理由]」(code cartons [price] [reason])".formatted(n, line));
			}
			BigDecimal price = null;
			String reason = null;
			if (cells.length >= 3) {
				if (cells[2].matches("[\\d.,]+([eE][+-]?\\d+)?")) {
					price = Money.price(cells[2]);
					reason = cells.length == 4 ? cells[3] : null;
				}
				else {
					reason = line.substring(line.indexOf(cells[2]));
				}
			}
			changes.add(new Contracts.LineChange(cells[0], Cartons.parse(cells[1]), price, reason));
		}
		return changes;
	}
}
