package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;

/** 訂單更正 (/orders/corrections): the seat leader finds a retailer's orders of this week and lowers a line with a reason. */
@Controller
class CorrectionsController {

	private final OrderCorrections corrections;

	CorrectionsController(OrderCorrections corrections) {
		this.corrections = corrections;
	}

	@GetMapping("/orders/corrections")
	String page(@RequestParam(defaultValue = "") String retailer, Model model) {
		model.addAttribute("retailer", retailer.strip().toUpperCase(java.util.Locale.ROOT));
		model.addAttribute("orders", retailer.isBlank() ? List.of() : corrections.thisWeek(retailer));
		return "orders/corrections";
	}

	@PostMapping("/orders/corrections/{number}")
	String correct(@PathVariable String number, @RequestParam(defaultValue = "") String retailer, OrderCorrections.Request request,
			Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			OrderCorrections.Order order = corrections.correct(number, user.getName(), groups(user), request);
			redirect.addFlashAttribute("message", "訂單 %s 已更正：現 %d 條，應備貨款 ¥%s".formatted(order.orderNumber(), order.cartons(),
					order.amount().toPlainString()));
			return "redirect:" + UriComponentsBuilder.fromPath("/orders/corrections").queryParam("retailer", order.retailerCode()).encode().build();
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
		}
		catch (ActionForbidden e) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("error", e.getMessage());
		}
		return page(retailer, model);
	}
}
