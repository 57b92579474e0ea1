package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.People;
import com.wholesaler.marketing.identity.Role;

/**
 * 線路分配 (/orders/routes): the routes of a weekday with their retailers and clerk, each clerk's load per
 * weekday, and the seat leader's form to give a route to another clerk.
 */
@Controller
class RoutesController {

	private final Routes routes;
	private final People people;
	private final Clock clock;

	RoutesController(Routes routes, People people, Clock clock) {
		this.routes = routes;
		this.people = people;
		this.clock = clock;
	}

	/** A clerk's retailers per weekday, Monday to Friday, and in all. */
	public record Load(String clerk, String name, int[] retailers, int total) {
	}

	@GetMapping("/orders/routes")
	String page(@RequestParam(required = false) Integer day, Model model) {
		int weekday = day == null ? Math.min(LocalDate.now(clock).getDayOfWeek().getValue(), 5) : day;
		if (weekday < 1 || weekday > 5) {
			throw new BusinessRuleException("訪銷日應為週一至週五 (day 1–5)");
		}
		List<Route> all = routes.all();
		Map<String, String> clerks = people.members(Role.PHONE_CLERK.groupId());
		Map<String, int[]> loads = new TreeMap<>();
		clerks.keySet().forEach(c -> loads.put(c, new int[5]));
		for (Route r : all) {
			if (r.clerk() != null && r.orderDay().getValue() <= 5) {
				loads.computeIfAbsent(r.clerk(), c -> new int[5])[r.orderDay().getValue() - 1] += r.retailers();
			}
		}
		model.addAttribute("day", weekday);
		model.addAttribute("dayName", "週" + "一二三四五".charAt(weekday - 1));
		model.addAttribute("routes", all.stream().filter(r -> r.orderDay() == DayOfWeek.of(weekday)).toList());
		model.addAttribute("unassigned", all.stream().filter(r -> r.clerk() == null).count());
		model.addAttribute("clerks", clerks);
		model.addAttribute("loads", loads.entrySet().stream()
				.map(e -> new Load(e.getKey(), clerks.getOrDefault(e.getKey(), e.getKey()), e.getValue(), java.util.Arrays.stream(e.getValue()).sum()))
				.toList());
		List<Routes.Assignment> changes = routes.changes(20);
		model.addAttribute("changes", changes);
		model.addAttribute("names", people.names(changes.stream().map(Routes.Assignment::changedBy).collect(Collectors.toSet())));
		return "orders/routes";
	}

	@PostMapping("/orders/routes/{code}")
	String assign(@PathVariable String code, @RequestParam(defaultValue = "") String clerk, @RequestParam(required = false) Integer day,
			Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			routes.assign(code, clerk, user.getName(), groups(user));
			redirect.addFlashAttribute("message", clerk.isBlank() ? "線路 %s 已收回".formatted(code)
					: "線路 %s 已交給 %s".formatted(code, people.name(clerk.strip())));
			return "redirect:/orders/routes" + (day == null ? "" : "?day=" + day);
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
		}
		catch (ActionForbidden e) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("error", e.getMessage());
		}
		return page(day != null && day >= 1 && day <= 5 ? day : null, model);
	}
}
