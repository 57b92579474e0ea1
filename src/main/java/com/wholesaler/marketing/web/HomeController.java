package com.wholesaler.marketing.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.wholesaler.marketing.catalog.StockWarnings;

@Controller
class HomeController {

	private final MyWork myWork;
	private final StockWarnings stockWarnings;

	HomeController(MyWork myWork, StockWarnings stockWarnings) {
		this.myWork = myWork;
		this.stockWarnings = stockWarnings;
	}

	@GetMapping("/")
	String home(Authentication user, Model model) {
		List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		model.addAttribute("work", myWork.of(user.getName(), groups));
		model.addAttribute("warnings", stockWarnings.current());
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}
}
