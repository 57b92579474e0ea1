package com.wholesaler.marketing.desk;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * 主任工作台 (/desk): the open work by process and step, the longest waiting tasks with 催辦, whether the rules
 * are kept, lead times and return rates, and how the departments' month plans stand.
 */
@Controller
class DeskController {

	static final int LONGEST = 30;

	private final OpenWork openWork;
	private final LeadTimes leadTimes;
	private final Urges urges;
	private final RulesPanel rules;
	private final WorkPlans plans;
	private final java.time.Clock clock;

	DeskController(OpenWork openWork, LeadTimes leadTimes, Urges urges, RulesPanel rules, WorkPlans plans, java.time.Clock clock) {
		this.plans = plans;
		this.clock = clock;
		this.rules = rules;
		this.openWork = openWork;
		this.leadTimes = leadTimes;
		this.urges = urges;
	}

	@GetMapping("/desk")
	String desk(Model model) {
		model.addAttribute("steps", openWork.byStep());
		model.addAttribute("longest", openWork.longest(LONGEST));
		model.addAttribute("stepTimes", leadTimes.steps());
		model.addAttribute("processTimes", leadTimes.processes());
		model.addAttribute("returns", leadTimes.returns());
		model.addAttribute("days", LeadTimes.DAYS);
		model.addAttribute("rules", rules.now());
		model.addAttribute("plans", plans.recent(java.time.YearMonth.now(clock)));
		model.addAttribute("today", java.time.LocalDate.now(clock));
		return "desk/show";
	}

	@PostMapping("/desk/urge/{taskId}")
	String urge(@PathVariable String taskId, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			String caseNumber = urges.urge(taskId, user.getName(), groups(user));
			redirect.addFlashAttribute("message", "已催辦 %s，已通知經辦人並記入審批單".formatted(caseNumber));
			return "redirect:/desk";
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
		}
		catch (ActionForbidden e) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("error", e.getMessage());
		}
		return desk(model);
	}
}
