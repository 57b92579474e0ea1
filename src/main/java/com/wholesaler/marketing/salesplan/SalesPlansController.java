package com.wholesaler.marketing.salesplan;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.PriceClass;
import com.wholesaler.marketing.identity.Role;

/**
 * 月度銷售計畫 (/sales-plans): the plans, and a plan's page: its lines against the proposal and last year
 * (editable by the drafter while drafting, one by one or a brand or price class at once), its totals by
 * brand and price class, its split over the regions (editable by the general administrator while
 * splitting), the regions' acknowledgements and the approval sheet. A refused change comes back with its
 * message as HTTP 400 and changes nothing.
 */
@Controller
class SalesPlansController {

	private final SalesPlans plans;
	private final SalesPlanProgress progress;
	private final RegionalFollowUps followUps;
	private final java.time.Clock clock;

	SalesPlansController(SalesPlans plans, SalesPlanProgress progress, RegionalFollowUps followUps, java.time.Clock clock) {
		this.plans = plans;
		this.progress = progress;
		this.followUps = followUps;
		this.clock = clock;
	}

	@GetMapping("/sales-plans")
	String list(Model model) {
		model.addAttribute("plans", plans.all());
		return "salesplans/list";
	}

	@GetMapping("/sales-plans/{number}")
	String show(@PathVariable String number, @RequestParam(required = false) String brand, Authentication user, Model model) {
		SalesPlans.SalesPlan plan = plans.plan(number);
		List<SalesPlanLine> lines = plans.lines(number);
		List<SalesPlans.Unit> units = plans.units();
		Map<String, Long> unitTotals = plans.unitTotals(number);
		long planned = lines.stream().mapToLong(SalesPlanLine::planned).sum();
		model.addAttribute("plan", plan);
		model.addAttribute("lines", lines);
		model.addAttribute("planned", planned);
		model.addAttribute("proposed", lines.stream().mapToLong(SalesPlanLine::proposed).sum());
		model.addAttribute("lastYear", lines.stream().mapToLong(SalesPlanLine::lastYear).sum());
		model.addAttribute("byBrand", totals(lines, SalesPlanLine::brand, Comparator.naturalOrder()));
		model.addAttribute("byClass", totals(lines, l -> PriceClass.ofNumber(l.priceClass()).chineseName(),
				Comparator.comparing(name -> java.util.Arrays.stream(PriceClass.values()).filter(c -> c.chineseName().equals(name)).findFirst()
						.orElseThrow().number())));
		model.addAttribute("brands", lines.stream().map(SalesPlanLine::brand).distinct().sorted().toList());
		model.addAttribute("classes", PriceClass.values());
		model.addAttribute("units", units);
		model.addAttribute("unitTotals", unitTotals);
		model.addAttribute("split", plans.split(number));
		model.addAttribute("unequal", plans.unequalSplits(number));
		model.addAttribute("acks", plans.acknowledgements(number));
		model.addAttribute("history", plans.history(number));
		model.addAttribute("splitBrand", brand);
		model.addAttribute("splitLines", brand == null || brand.isBlank() ? List.of()
				: lines.stream().filter(l -> l.brand().equals(brand)).sorted(Comparator.comparing(SalesPlanLine::productCode)).toList());
		model.addAttribute("editLines", plan.status() == SalesPlans.Status.DRAFTING && plan.drafter().equals(user.getName()));
		model.addAttribute("editSplit", plan.status() == SalesPlans.Status.SPLITTING && groups(user).contains(Role.GENERAL_ADMIN.groupId()));
		if (plan.status() == SalesPlans.Status.APPROVED) {
			SalesPlanProgress.Progress now = progress.of(number, java.time.LocalDate.now(clock));
			model.addAttribute("progress", now);
			model.addAttribute("followUps", followUps.of(number));
			model.addAttribute("behindProducts", now.products().stream().filter(SalesPlanProgress.Row::behind).limit(30).toList());
			model.addAttribute("chart", Map.of("unit", "條",
					"categories", now.units().stream().map(SalesPlanProgress.Row::name).toList(),
					"series", List.of(series("計畫", now.units().stream().map(r -> (Number) r.planned()).toList()),
							series("已訂", now.units().stream().map(r -> (Number) r.actual()).toList()),
							series("按進度預計", now.units().stream().map(r -> (Number) r.projected()).toList()))));
		}
		return "salesplans/show";
	}

	@PostMapping("/sales-plans/{number}/lines")
	String saveLines(@PathVariable String number, @RequestParam Map<String, String> form, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, SalesPlans.LineEdit> edits = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("planned_")) {
				String code = name.substring("planned_".length());
				edits.put(code, new SalesPlans.LineEdit(value, form.get("reason_" + code)));
			}
		});
		return change(number, user, model, redirect, response, null,
				() -> "已保存 %d 個規格的計畫量".formatted(plans.changeLines(number, user.getName(), edits, version(form.get("version")))));
	}

	@PostMapping("/sales-plans/{number}/adjust")
	String adjust(@PathVariable String number, @RequestParam(required = false) String brand, @RequestParam(required = false) String priceClass,
			@RequestParam(required = false) String percent, @RequestParam(required = false) String version, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return change(number, user, model, redirect, response, null,
				() -> "已統一調整 %d 個規格".formatted(plans.adjust(number, user.getName(), brand, priceClass, percent, version(version))));
	}

	@PostMapping("/sales-plans/{number}/split/shares")
	String shares(@PathVariable String number, @RequestParam Map<String, String> form, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> percents = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("share_")) {
				percents.put(name.substring("share_".length()), value);
			}
		});
		return change(number, user, model, redirect, response, null, () -> {
			plans.splitByShares(number, user.getName(), groups(user), percents, version(form.get("version")));
			return "已按各區域比例重新分解全部規格";
		});
	}

	@PostMapping("/sales-plans/{number}/split")
	String split(@PathVariable String number, @RequestParam Map<String, String> form, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, Map<String, String>> cells = new TreeMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("cell_")) {
				String[] parts = name.substring("cell_".length()).split("__", 2);
				if (parts.length == 2) {
					cells.computeIfAbsent(parts[0], c -> new LinkedHashMap<>()).put(parts[1], value);
				}
			}
		});
		return change(number, user, model, redirect, response, form.get("brand"),
				() -> "已保存 %d 格".formatted(plans.changeSplit(number, user.getName(), groups(user), cells, version(form.get("version")))));
	}

	private String change(String number, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response,
			String brand, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("message", action.get());
			return "redirect:/sales-plans/" + number + (brand == null || brand.isBlank() ? "" : "?brand=" + java.net.URLEncoder.encode(brand,
					java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (BusinessRuleException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			return show(number, brand, user, model);
		}
	}

	@PostMapping("/sales-plans/{number}/follow-ups")
	String followUp(@PathVariable String number, @RequestParam(required = false) String unit, @RequestParam(required = false) String note,
			Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(number, user, model, redirect, response, null,
				() -> "已督辦，督辦單 %s 已發給區域市場部".formatted(followUps.request(number, unit, note, user.getName(), groups(user))));
	}

	@GetMapping("/sales-plans/{number}/split.xlsx")
	org.springframework.http.ResponseEntity<byte[]> splitWorkbook(@PathVariable String number) {
		return org.springframework.http.ResponseEntity.ok()
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
						.filename("銷售計畫分解-" + number + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(plans.splitWorkbook(number));
	}

	@PostMapping("/sales-plans/{number}/split.xlsx")
	String importSplit(@PathVariable String number, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
			@RequestParam(required = false) String version, Authentication user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return change(number, user, model, redirect, response, null, () -> {
			try (java.io.InputStream in = file.getInputStream()) {
				return "已從分解表匯入 %d 個規格".formatted(plans.importSplit(number, user.getName(), groups(user), in, version(version)));
			}
			catch (java.io.IOException e) {
				throw new BusinessRuleException("無法讀取上傳的檔案 (upload failed)");
			}
		});
	}

	/** A bar series as static/js/report-chart.js draws it. */
	private static Map<String, Object> series(String name, List<Number> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", "bar");
		series.put("data", data);
		series.put("axis", 0);
		return series;
	}

	/** Planned cartons per brand or price class: [last year, proposed, planned]. */
	private static Map<String, long[]> totals(List<SalesPlanLine> lines, java.util.function.Function<SalesPlanLine, String> key,
			Comparator<String> order) {
		Map<String, long[]> totals = new TreeMap<>(order);
		for (SalesPlanLine l : lines) {
			long[] t = totals.computeIfAbsent(key.apply(l), k -> new long[3]);
			t[0] += l.lastYear();
			t[1] += l.proposed();
			t[2] += l.planned();
		}
		return totals;
	}

	private static Integer version(String text) {
		return text == null || !text.matches("\\d{1,9}") ? null : Integer.valueOf(text);
	}
}
