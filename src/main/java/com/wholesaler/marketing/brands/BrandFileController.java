package com.wholesaler.marketing.brands;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * 品牌檔案 (/brands/{name}): products, weekly sales with last year, coverage by tier and region, evaluations,
 * cultivation plans with their quarters and promotions with their results; each plan and promotion has its
 * own page with its approval sheet.
 */
@Controller
class BrandFileController {

	private final BrandFiles files;
	private final BrandCultivations cultivations;
	private final BrandPromotions promotions;

	BrandFileController(BrandFiles files, BrandCultivations cultivations, BrandPromotions promotions) {
		this.files = files;
		this.cultivations = cultivations;
		this.promotions = promotions;
	}

	@GetMapping("/brands/{brand}")
	String show(@PathVariable String brand, Model model) {
		List<BrandFiles.Product> products = files.products(brand);
		List<BrandFiles.Week> weeks = files.weeklySales(brand);
		Map<String, List<BrandFiles.Coverage>> coverage = files.coverage(brand);
		model.addAttribute("brand", brand);
		model.addAttribute("products", products);
		model.addAttribute("weeks", weeks);
		model.addAttribute("tiers", coverage.get("tiers"));
		model.addAttribute("regions", coverage.get("regions"));
		model.addAttribute("evaluations", files.evaluations(brand));
		List<BrandCultivations.Cultivation> plans = cultivations.ofBrand(brand);
		model.addAttribute("cultivations", plans);
		model.addAttribute("quarters", plans.stream().collect(java.util.stream.Collectors.toMap(BrandCultivations.Cultivation::number,
				c -> cultivations.quarters(c.number()))));
		model.addAttribute("promotions", promotions.ofBrand(brand));
		model.addAttribute("chart", Map.of("unit", "條", "categories", weeks.stream().map(w -> w.start().toString()).toList(),
				"series", List.of(series("銷量", weeks.stream().map(w -> (Number) w.cartons()).toList()),
						series("去年同週", weeks.stream().map(w -> (Number) w.lastYear()).toList()))));
		return "brands/show";
	}

	@GetMapping("/brands/cultivations/{number}")
	String cultivation(@PathVariable String number, Model model) {
		model.addAttribute("plan", cultivations.cultivation(number));
		model.addAttribute("quarters", cultivations.quarters(number));
		model.addAttribute("history", cultivations.history(number));
		return "brands/cultivation";
	}

	@GetMapping("/brands/promotions/{number}")
	String promotion(@PathVariable String number, Model model) {
		model.addAttribute("promotion", promotions.promotion(number));
		model.addAttribute("history", promotions.history(number));
		return "brands/promotion";
	}

	@PostMapping("/brands/{brand}/evaluations")
	String evaluate(@PathVariable String brand, @RequestParam Map<String, String> form, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			files.evaluate(brand, user.getName(), groups(user), form.get("kind"), form.get("day"), form, form.get("note"));
			redirect.addFlashAttribute("message", "已記錄");
			return "redirect:/brands/" + java.net.URLEncoder.encode(brand, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		}
		catch (BusinessRuleException | ActionForbidden e) {
			response.setStatus(e instanceof ActionForbidden ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			return show(brand, model);
		}
	}

	private static Map<String, Object> series(String name, List<Number> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", "line");
		series.put("data", data);
		series.put("axis", 0);
		return series;
	}
}
