package com.wholesaler.marketing.salesplan;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 年度經營目標 (/targets): every version of every year with its status, and each version's figures and approval sheet. */
@Controller
class TargetsController {

	private final AnnualTargets targets;

	TargetsController(AnnualTargets targets) {
		this.targets = targets;
	}

	@GetMapping("/targets")
	String list(Model model) {
		model.addAttribute("targets", targets.all());
		return "targets/list";
	}

	@GetMapping("/targets/{number}")
	String show(@PathVariable String number, Model model) {
		model.addAttribute("target", targets.target(number));
		model.addAttribute("history", targets.history(number));
		return "targets/show";
	}
}
