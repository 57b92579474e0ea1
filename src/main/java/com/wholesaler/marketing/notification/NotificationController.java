package com.wholesaler.marketing.notification;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** Each user chooses how they hear of each kind of notification. */
@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String show(Authentication user, Model model) {
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("chosen", notifications.preferences(user.getName()));
		return "notifications/show";
	}

	@PostMapping("/notifications")
	String choose(@RequestParam Map<String, String> form, Authentication user, RedirectAttributes redirect) {
		Map<String, String> choices = new HashMap<>(form);
		choices.remove("_csrf");
		try {
			notifications.choose(user.getName(), choices);
			redirect.addFlashAttribute("message", "通知設定已保存");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/notifications";
	}
}
