package com.wholesaler.marketing.desk;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 部門工作計畫 (/work-plans): every department's month plans with their progress, and each plan's items and approval sheet. */
@Controller
class WorkPlansController {

	private final WorkPlans plans;
	private final Clock clock;

	WorkPlansController(WorkPlans plans, Clock clock) {
		this.plans = plans;
		this.clock = clock;
	}

	@GetMapping("/work-plans")
	String list(Model model) {
		model.addAttribute("plans", plans.all());
		model.addAttribute("today", LocalDate.now(clock));
		return "workplans/list";
	}

	@GetMapping("/work-plans/{number}")
	String show(@PathVariable String number, Model model) {
		model.addAttribute("plan", plans.plan(number));
		model.addAttribute("history", plans.history(number));
		model.addAttribute("today", LocalDate.now(clock));
		return "workplans/show";
	}
}
