package com.wholesaler.marketing.substitution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.AdministratorInterventions;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.SignedIn;

import jakarta.servlet.http.HttpServletResponse;

/** Allocation limits in force (with a chart per product), and the shortage cases. */
@Controller
class ShortageController {

	private final ShortageCases cases;
	private final AdministratorInterventions interventions;

	ShortageController(ShortageCases cases, AdministratorInterventions interventions) {
		this.cases = cases;
		this.interventions = interventions;
	}

	/** The limits of one product: L[1..30] and when they hold. */
	record ProductLimits(String productCode, String productName, int[] limits, String validFrom, String validTo,
			String caseNumber) {

		public int max() {
			int max = 1;
			for (int t = 1; t <= TierAllocation.TIERS; t++) {
				max = Math.max(max, limits[t]);
			}
			return max;
		}

		public List<Integer> tiers() {
			return java.util.stream.IntStream.rangeClosed(1, TierAllocation.TIERS).boxed().toList();
		}
	}

	@GetMapping("/allocation")
	String activeLimits(Model model) {
		Map<String, ProductLimits> byProduct = new LinkedHashMap<>();
		for (ActiveLimit l : cases.activeLimits()) {
			byProduct.computeIfAbsent(l.productCode(), k -> new ProductLimits(l.productCode(), l.productName(),
					new int[TierAllocation.TIERS + 1], l.validFrom().toString(), l.validTo().toString(), l.caseNumber()))
					.limits()[l.tier()] = l.limitCartons();
		}
		model.addAttribute("products", byProduct.values());
		return "shortages/allocation";
	}

	@GetMapping("/shortages")
	String list(Model model) {
		model.addAttribute("cases", cases.recent(200));
		return "shortages/list";
	}

	/** The supply manager re-plans a case in force from its page: as the signed-in user, who must hold the role. */
	@PostMapping("/shortages/{caseNumber}/replan")
	String replan(@PathVariable String caseNumber, @RequestParam(required = false) String reason, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			cases.requestReplan(caseNumber, user.getName(), SignedIn.groups(user), reason);
			redirect.addFlashAttribute("message", "已提出重新擬訂，請在任務清單「擬訂替代和投放方案」中修改限量；原限量在新方案發布前繼續有效");
			return "redirect:/shortages/" + caseNumber;
		}
		catch (BusinessRuleException | ActionForbidden e) {
			response.setStatus(e instanceof ActionForbidden ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			return show(caseNumber, model);
		}
	}

	@GetMapping("/shortages/{caseNumber}")
	String show(@PathVariable String caseNumber, Model model) {
		ShortageCase shortage = cases.shortageCase(caseNumber);
		model.addAttribute("shortage", shortage);
		model.addAttribute("products", cases.products(caseNumber));
		model.addAttribute("history", interventions.sheet(cases.history(caseNumber), shortage.processInstanceId()));
		return "shortages/show";
	}
}
