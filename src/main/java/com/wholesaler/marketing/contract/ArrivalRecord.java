package com.wholesaler.marketing.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Cartons;

/**
 * An arrival as the scanner or the clerk records it: "case product cartons" per scanned case, or
 * "product cartons" typed by hand; damage as "product cartons".
 */
final class ArrivalRecord {

	private ArrivalRecord() {
	}

	static List<Contracts.Received> received(String text) {
		List<Contracts.Received> received = new ArrayList<>();
		int n = 0;
		for (String line : lines(text)) {
			n++;
			String[] cells = line.split("[\\s,，]+");
			if (cells.length == 3 && cells[2].matches("\\d+")) {
				received.add(new Contracts.Received(cells[0], cells[1], Cartons.parse(cells[2])));
			}
			else if (cells.length == 2 && cells[1].matches("-?\\d+")) {
				received.add(new Contracts.Received(null, cells[0], Cartons.parse(cells[1])));
			}
			else {
				throw new BusinessRuleException("到貨記錄第 %d 行「%s」應為「件號 規格代碼 數量」或「規格代碼 數量」(case product cartons, or product cartons)".formatted(n, line));
			}
		}
		return received;
	}

	static Map<String, Integer> damage(String text) {
		Map<String, Integer> damage = new LinkedHashMap<>();
		for (String line : lines(text)) {
			String[] cells = line.split("[\\s,，]+");
			if (cells.length != 2 || !cells[1].matches("\\d+")) {
				throw new BusinessRuleException("破損記錄「%s」應為「規格代碼 數量」(product cartons)".formatted(line));
			}
			damage.merge(cells[0].toUpperCase(), Cartons.parse(cells[1]), Integer::sum);
		}
		return damage;
	}

	/** The text's lines that say something: no blanks, no header row, no comments. */
	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("case_code") && !l.startsWith("#")).toList();
	}
}
