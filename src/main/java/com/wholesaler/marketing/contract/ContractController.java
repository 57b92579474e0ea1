package com.wholesaler.marketing.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.wholesaler.marketing.catalog.Catalog;

/** The contract list (with agreed, received and remaining per contract) and the contract page. */
@Controller
class ContractController {

	private final Contracts contracts;
	private final Catalog catalog;

	ContractController(Contracts contracts, Catalog catalog) {
		this.contracts = contracts;
		this.catalog = catalog;
	}

	@GetMapping("/contracts")
	String list(Model model) {
		List<Contract> recent = contracts.recent(200);
		Map<String, List<ContractLine>> lines = new LinkedHashMap<>();
		recent.forEach(c -> lines.put(c.contractNumber(), contracts.lines(c.contractNumber())));
		model.addAttribute("contracts", recent);
		model.addAttribute("lines", lines);
		model.addAttribute("manufacturerNames", catalog.manufacturerNames());
		return "contracts/list";
	}

	@GetMapping("/contracts/{number}")
	String show(@PathVariable String number, Model model) {
		model.addAttribute("contract", contracts.contract(number));
		model.addAttribute("lines", contracts.lines(number));
		model.addAttribute("history", contracts.history(number));
		model.addAttribute("manufacturerNames", catalog.manufacturerNames());
		return "contracts/show";
	}
}
