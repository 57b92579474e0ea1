package com.wholesaler.marketing.ordering;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * A call as the order page sends it: the retailer, how the call ended, when it started and ended,
 * the lines ordered and whether the retailer was reminded to prepare payment. {@link #checked()}
 * refuses what no call can be, in Chinese, before anything is looked up.
 */
public record OrderRequest(String retailerCode, String outcome, String startedAt, String endedAt, List<Line> lines,
		Boolean paymentReminded, List<Long> noticesTold) {

	/** The most cartons of one product on one call: more is a typing slip, not an order. */
	static final int MOST_CARTONS = 10_000;

	public record Line(String productCode, Integer cartons) {
	}

	/** The call as checked: codes upper-cased, times in the business zone, lines by product code. */
	record Checked(String retailerCode, CallOutcome outcome, LocalDateTime startedAt, LocalDateTime endedAt, List<CheckedLine> lines,
			boolean paymentReminded, Set<Long> noticesTold) {
	}

	record CheckedLine(String productCode, int cartons) {
	}

	Checked checked() {
		if (retailerCode == null || retailerCode.isBlank()) {
			throw new BusinessRuleException("請選擇零售客戶 (retailerCode is required)");
		}
		CallOutcome result;
		try {
			result = CallOutcome.valueOf(String.valueOf(outcome).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BusinessRuleException("通話結果應為 CONNECTED（接通）、NO_ANSWER（未接通）或 HUNG_UP（中途掛斷）(outcome)");
		}
		LocalDateTime start = time(startedAt, "開始時間 (startedAt)");
		LocalDateTime end = time(endedAt, "結束時間 (endedAt)");
		if (end.isBefore(start)) {
			throw new BusinessRuleException("結束時間早於開始時間 (endedAt before startedAt)");
		}
		List<CheckedLine> checked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Line line : lines == null ? List.<Line>of() : lines) {
			if (line == null || line.productCode() == null || line.productCode().isBlank()) {
				throw new BusinessRuleException("訂單行缺少規格代碼 (productCode is required)");
			}
			String code = line.productCode().strip().toUpperCase(Locale.ROOT);
			if (line.cartons() == null || line.cartons() <= 0) {
				throw new BusinessRuleException("規格 %s 的數量必須是正整數（條）(cartons must be positive)".formatted(code));
			}
			if (line.cartons() > MOST_CARTONS) {
				throw new BusinessRuleException("規格 %s 的數量 %d 條超過一次訂貨的上限 %d 條 (too many cartons)".formatted(code, line.cartons(), MOST_CARTONS));
			}
			if (!seen.add(code)) {
				throw new BusinessRuleException("規格 %s 重複出現，請合併為一行 (one line per product)".formatted(code));
			}
			checked.add(new CheckedLine(code, line.cartons()));
		}
		if (result != CallOutcome.CONNECTED && !checked.isEmpty()) {
			throw new BusinessRuleException("只有接通的電話才有訂單行 (only a connected call has lines)");
		}
		Set<Long> told = new java.util.TreeSet<>();
		for (Long notice : noticesTold == null ? List.<Long>of() : noticesTold) {
			if (notice == null) {
				throw new BusinessRuleException("已告知的通知編號不能為空 (noticesTold)");
			}
			told.add(notice);
		}
		if (result != CallOutcome.CONNECTED && !told.isEmpty()) {
			throw new BusinessRuleException("只有接通的電話才能告知通知 (only a connected call tells notices)");
		}
		checked.sort((a, b) -> a.productCode().compareTo(b.productCode()));
		return new Checked(retailerCode.strip().toUpperCase(Locale.ROOT), result, start, end, checked, Boolean.TRUE.equals(paymentReminded),
				told);
	}

	/** An ISO time with an offset ("2026-12-02T09:15:00+08:00", or Z), or a local time in the business zone. */
	private static LocalDateTime time(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new BusinessRuleException("請填寫%s".formatted(what));
		}
		try {
			return OffsetDateTime.parse(text.strip()).atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime();
		}
		catch (DateTimeParseException offsetMissing) {
			try {
				return LocalDateTime.parse(text.strip());
			}
			catch (DateTimeParseException e) {
				throw new BusinessRuleException("%s「%s」不是時間，例如 2026-12-02T09:15:00+08:00".formatted(what, BusinessTime.abbreviated(text)));
			}
		}
	}
}
