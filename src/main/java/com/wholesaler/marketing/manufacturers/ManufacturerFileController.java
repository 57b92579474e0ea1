package com.wholesaler.marketing.manufacturers;

import static com.wholesaler.marketing.approval.SignedIn.groups;

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

/**
 * 工業企業檔案 (/manufacturers/{code}): contacts, products, contracts with their delivery and billing,
 * the service log and the class with its history. The supply manager keeps contacts and log here; a
 * refused change comes back with its message (400, or 403 for another role) and changes nothing.
 */
@Controller
class ManufacturerFileController {

	private final ManufacturerFiles files;

	ManufacturerFileController(ManufacturerFiles files) {
		this.files = files;
	}

	@GetMapping("/manufacturers/{code}")
	String show(@PathVariable String code, Model model) {
		ManufacturerFiles.Manufacturer m = files.manufacturer(code);
		var contracts = files.contracts(m.code());
		model.addAttribute("m", m);
		model.addAttribute("contacts", files.contacts(m.code()).orElse(null));
		model.addAttribute("products", files.products(m.code()));
		model.addAttribute("contracts", contracts);
		model.addAttribute("complete", contracts.stream().filter(ManufacturerFiles.ContractRow::complete).count());
		model.addAttribute("onTime", contracts.stream().filter(c -> Boolean.TRUE.equals(c.onTime())).count());
		model.addAttribute("discrepancies", contracts.stream().mapToInt(ManufacturerFiles.ContractRow::discrepancies).sum());
		model.addAttribute("log", files.serviceLog(m.code()));
		model.addAttribute("kinds", ServiceLogKind.values());
		model.addAttribute("changes", files.classChanges(m.code()));
		return "manufacturers/show";
	}

	@PostMapping("/manufacturers/{code}/contacts")
	String contacts(@PathVariable String code, @RequestParam(required = false) String contactPerson, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String address, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(code, model, redirect, response, "已更新聯繫資訊",
				() -> files.updateContacts(code, user.getName(), groups(user), contactPerson, phone, address));
	}

	@PostMapping("/manufacturers/{code}/service-log")
	String log(@PathVariable String code, @RequestParam(required = false) String kind, @RequestParam(required = false) String day,
			@RequestParam(required = false) String text, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(code, model, redirect, response, "已記錄", () -> files.addServiceLog(code, user.getName(), groups(user), kind, day, text));
	}

	private String change(String code, Model model, RedirectAttributes redirect, HttpServletResponse response, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
			return "redirect:/manufacturers/" + files.manufacturer(code).code();
		}
		catch (BusinessRuleException | ActionForbidden e) {
			response.setStatus(e instanceof ActionForbidden ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			return show(code, model);
		}
	}
}
