package com.wholesaler.marketing.purchaseplan;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.approval.AdministratorInterventions;

/** The plan list and the plan page: lines (edited inline or by CSV), weekly batches, approval history. */
@Controller
class PurchasePlanController {

	private final PurchasePlans plans;
	private final Catalog catalog;
	private final AdministratorInterventions interventions;

	PurchasePlanController(PurchasePlans plans, Catalog catalog, AdministratorInterventions interventions) {
		this.plans = plans;
		this.catalog = catalog;
		this.interventions = interventions;
	}

	@GetMapping("/plans")
	String list(Model model) {
		model.addAttribute("plans", plans.recent(200));
		return "plans/list";
	}

	@GetMapping("/plans/{planNumber}")
	String show(@PathVariable String planNumber, Authentication user, Model model) {
		PurchasePlan plan = plans.plan(planNumber);
		model.addAttribute("plan", plan);
		model.addAttribute("lines", plans.lines(planNumber));
		model.addAttribute("basis", plans.basis(planNumber));
		model.addAttribute("salesPlanNumber", plans.salesPlanNumber(planNumber).orElse(null));
		model.addAttribute("totals", plans.totals(planNumber));
		model.addAttribute("weeks", plans.cartonsPerWeek(planNumber));
		model.addAttribute("history", interventions.sheet(plans.history(planNumber), plan.processInstanceId()));
		model.addAttribute("contracts", plans.contractRequests(planNumber));
		model.addAttribute("manufacturerNames", catalog.manufacturerNames());
		model.addAttribute("editable", plan.status() == PlanStatus.DRAFTING && plan.drafter().equals(user.getName()));
		return "plans/show";
	}

	@PostMapping("/plans/{planNumber}/lines")
	String saveLines(@PathVariable String planNumber, @RequestParam Map<String, String> form, Authentication user,
			RedirectAttributes redirect) {
		Map<String, String> changes = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("planned_")) {
				changes.put(name.substring("planned_".length()), value);
			}
		});
		try {
			plans.changePlanned(planNumber, changes, user.getName(), version(form.get("version")));
			redirect.addFlashAttribute("message", "已保存 %d 個品規的計畫數量".formatted(changes.size()));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/plans/" + planNumber;
	}

	@GetMapping("/plans/{planNumber}/lines.csv")
	ResponseEntity<byte[]> exportCsv(@PathVariable String planNumber) {
		plans.plan(planNumber);
		// The byte-order mark makes Excel read the Chinese names as UTF-8.
		byte[] csv = ("\uFEFF" + plans.exportCsv(planNumber)).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + planNumber + ".csv\"")
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(csv);
	}

	@PostMapping("/plans/{planNumber}/lines.csv")
	String importCsv(@PathVariable String planNumber, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "version", required = false) String version, Authentication user,
			RedirectAttributes redirect) throws IOException {
		try {
			int rows = plans.importCsv(planNumber, new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8),
					user.getName(), version(version));
			redirect.addFlashAttribute("message", "已從 CSV 匯入 %d 行".formatted(rows));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/plans/" + planNumber;
	}

	/** The plan's version the page was showing; a page from before versions sends none. */
	private static Integer version(String text) {
		return text == null || !text.matches("\\d{1,9}") ? null : Integer.valueOf(text);
	}
}
