package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.time.Clock;
import java.time.LocalDate;

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
 * 宣傳通知 (/orders/notices): the notices the seats read to the retailers, how many were told, and, for
 * the general administrator, the order-department head and the brand-planning head, a form to publish
 * one. A refused notice comes back with its message and what was typed, as HTTP 400.
 */
@Controller
class NoticesController {

	private final CallNotices notices;
	private final Clock clock;

	NoticesController(CallNotices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/orders/notices")
	String page(Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("notices", notices.recent());
		model.addAttribute("kinds", NoticeKind.values());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", new CallNotices.Draft("POLICY", "", "", "", today.toString(), today.plusDays(6).toString()));
		}
		return "orders/notices";
	}

	@PostMapping("/orders/notices")
	String publish(CallNotices.Draft draft, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			CallNotices.Notice notice = notices.publish(user.getName(), groups(user), draft);
			redirect.addFlashAttribute("message", "已發布通知「%s」，%s 至 %s 每通電話提示坐席告知".formatted(notice.title(), notice.validFrom(),
					notice.validTo()));
			return "redirect:/orders/notices";
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draft", draft);
			return page(model);
		}
		catch (ActionForbidden e) {
			return refused(e, model, response);
		}
	}

	@PostMapping("/orders/notices/{id}/withdraw")
	String withdraw(@PathVariable long id, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			notices.withdraw(id, user.getName(), groups(user));
			redirect.addFlashAttribute("message", "通知 %d 已撤回".formatted(id));
			return "redirect:/orders/notices";
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			return page(model);
		}
		catch (ActionForbidden e) {
			return refused(e, model, response);
		}
	}

	private String refused(ActionForbidden e, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("error", e.getMessage());
		return page(model);
	}
}
