package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.People;

/** 投放控制總量 (/orders/tier-totals): the weekly total per tier, this week and the next four, set by the supply manager. */
@Controller
class TierTotalsController {

	private final TierTotals totals;
	private final People people;

	TierTotalsController(TierTotals totals, People people) {
		this.totals = totals;
		this.people = people;
	}

	@GetMapping("/orders/tier-totals")
	String page(Model model) {
		model.addAttribute("weeks", totals.weeks());
		model.addAttribute("rows", totals.table());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		var changes = totals.changes(30);
		model.addAttribute("changes", changes);
		model.addAttribute("names", people.names(changes.stream().map(TierTotals.Change::changedBy).collect(Collectors.toSet())));
		return "orders/tier-totals";
	}

	@PostMapping("/orders/tier-totals")
	String save(@RequestParam Map<String, String> form, Authentication user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			int changed = totals.save(form, user.getName(), groups(user));
			redirect.addFlashAttribute("message", "已保存，%d 個總量有變更".formatted(changed));
			return "redirect:/orders/tier-totals";
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage() + "；未保存任何變更");
			model.addAttribute("typed", form);
		}
		catch (ActionForbidden e) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("error", e.getMessage());
		}
		return page(model);
	}
}
