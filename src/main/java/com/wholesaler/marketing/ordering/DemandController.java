package com.wholesaler.marketing.ordering;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;

/** 客戶需求 (/orders/demand): per product, what was ordered and what was asked beyond the limits or the stock. */
@Controller
class DemandController {

	/** The longest period at once: a quarter. */
	static final int MOST_DAYS = 92;

	private final UnmetDemand demand;
	private final Clock clock;

	DemandController(UnmetDemand demand, Clock clock) {
		this.demand = demand;
		this.clock = clock;
	}

	/** By default the last seven days up to today. */
	@GetMapping("/orders/demand")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		LocalDate end = BusinessTime.day(to, LocalDate.now(clock));
		LocalDate start = BusinessTime.day(from, end.minusDays(6));
		if (end.isBefore(start) || start.plusDays(MOST_DAYS).isBefore(end)) {
			throw new BusinessRuleException("請選擇不超過 %d 天的起止日期，結束不早於開始 (from and to)".formatted(MOST_DAYS));
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("products", demand.byProduct(start, end));
		model.addAttribute("fmt", new FiguresFormat());
		return "orders/demand";
	}
}
