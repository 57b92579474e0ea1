package com.wholesaler.marketing.web;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.Area;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.DeputyAreas;
import com.wholesaler.marketing.approval.People;
import com.wholesaler.marketing.approval.StandIn;
import com.wholesaler.marketing.approval.StandIns;
import com.wholesaler.marketing.catalog.BusinessTime;

/** 代理 and 分管: an approver's stand-ins, and the areas the director gives the deputy. */
@Controller
class DelegationController {

	private final StandIns standIns;
	private final DeputyAreas deputyAreas;
	private final People people;

	DelegationController(StandIns standIns, DeputyAreas deputyAreas, People people) {
		this.standIns = standIns;
		this.deputyAreas = deputyAreas;
		this.people = people;
	}

	@GetMapping("/stand-ins")
	String standIns(Authentication user, Model model) {
		List<StandIn> mine = standIns.of(user.getName());
		Set<String> ids = new HashSet<>();
		mine.forEach(s -> {
			ids.add(s.principal());
			ids.add(s.standIn());
		});
		Map<String, String> names = people.names(ids);
		model.addAttribute("standIns", mine);
		model.addAttribute("candidates", standIns.candidatesFor(user.getName()));
		model.addAttribute("names", names);
		model.addAttribute("today", LocalDate.now(BusinessTime.ZONE));
		model.addAttribute("areas", Area.values());
		model.addAttribute("assigned", deputyAreas.assigned());
		model.addAttribute("changes", deputyAreas.changes());
		model.addAttribute("changeNames", people.names(deputyAreas.changes().stream().map(DeputyAreas.Change::changedBy).collect(Collectors.toSet())));
		return "delegation/show";
	}

	@PostMapping("/stand-ins")
	String appoint(@RequestParam(defaultValue = "") String standIn, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Authentication user, RedirectAttributes redirect) {
		try {
			StandIn s = standIns.appoint(user.getName(), standIn, BusinessTime.date(from), BusinessTime.date(to), user.getName(), groups(user));
			redirect.addFlashAttribute("message", "已設定代理：%s 至 %s 由 %s 代理".formatted(s.validFrom(), s.validTo(), people.name(s.standIn())));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/stand-ins";
	}

	@PostMapping("/stand-ins/{id}/end")
	String end(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		try {
			standIns.end(id, user.getName(), groups(user));
			redirect.addFlashAttribute("message", "代理已結束");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/stand-ins";
	}

	@PostMapping("/deputy-areas")
	String assign(@RequestParam(name = "area", required = false) List<String> areas, Authentication user, RedirectAttributes redirect) {
		try {
			Set<Area> chosen = EnumSet.noneOf(Area.class);
			for (String a : areas == null ? List.<String>of() : areas) {
				chosen.add(Area.valueOf(a));
			}
			deputyAreas.assign(chosen, user.getName(), groups(user));
			redirect.addFlashAttribute("message", "副主任的分管範圍已更新");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "沒有這個分管範圍 (no such area)");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/stand-ins";
	}
}
