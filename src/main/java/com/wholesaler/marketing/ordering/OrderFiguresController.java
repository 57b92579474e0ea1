package com.wholesaler.marketing.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.wholesaler.marketing.catalog.BusinessTime;

/**
 * 訪銷指標 (/orders/kpi): the call-centre figures per clerk, day and week with their definitions, a
 * trend chart and the workbook; for one day also the work logs, the seat leader's check and the
 * special events. For the seat leader, the order-department head and the directors (SecurityConfig).
 */
@Controller
class OrderFiguresController {

	private final CallCentreFigures figures;
	private final CallDays days;
	private final SpecialEvents events;
	private final Clock clock;

	OrderFiguresController(CallCentreFigures figures, CallDays days, SpecialEvents events, Clock clock) {
		this.figures = figures;
		this.days = days;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/orders/kpi")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		CallCentreFigures.Report report = report(from, to);
		model.addAttribute("report", report);
		model.addAttribute("definitions", FiguresDefinitions.ALL);
		model.addAttribute("fmt", new FiguresFormat());
		List<CallCentreFigures.Row> trend = report.days();
		model.addAttribute("trendDays", trend.stream().map(r -> r.day().toString()).toList());
		model.addAttribute("trendConnect", trend.stream().map(r -> FiguresFormat.percentNumber(r.figures().connectRate())).toList());
		model.addAttribute("trendSuccess", trend.stream().map(r -> FiguresFormat.percentNumber(r.figures().successRate())).toList());
		model.addAttribute("trendVisit", trend.stream().map(r -> FiguresFormat.percentNumber(r.figures().visitRate())).toList());
		model.addAttribute("trendOrdered", trend.stream().map(r -> FiguresFormat.percentNumber(r.figures().visitSuccessRate())).toList());
		model.addAttribute("trendPlan", trend.stream().map(r -> FiguresFormat.percentNumber(r.figures().planRate())).toList());
		if (report.from().equals(report.to())) {
			model.addAttribute("logs", days.logs(report.from()));
			model.addAttribute("check", days.check(report.from()).orElse(null));
			model.addAttribute("events", events.of(report.from()));
		}
		return "orders/kpi";
	}

	@GetMapping("/orders/kpi.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		CallCentreFigures.Report report = report(from, to);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"call-centre-figures-%s-%s.xlsx\"".formatted(report.from(), report.to()))
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(FiguresWorkbook.of(report));
	}

	/** The period asked, by default this week up to today. */
	private CallCentreFigures.Report report(String from, String to) {
		LocalDate today = LocalDate.now(clock);
		LocalDate end = BusinessTime.day(to, today);
		LocalDate start = BusinessTime.day(from, OrderWeek.of(end));
		return figures.report(start, end);
	}
}
