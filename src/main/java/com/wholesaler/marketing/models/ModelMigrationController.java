package com.wholesaler.marketing.models;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** The process owner's page: versions and their running instances, and migration to the newest. */
@Controller
class ModelMigrationController {

	private final ModelMigrations migrations;

	ModelMigrationController(ModelMigrations migrations) {
		this.migrations = migrations;
	}

	@GetMapping("/models")
	String overview(Model model) {
		model.addAttribute("processes", migrations.overview());
		return "models/overview";
	}

	@GetMapping("/models/{key}/migration")
	String proposal(@PathVariable String key, @RequestParam("from") int from, Model model) {
		model.addAttribute("proposal", migrations.propose(key, from));
		return "models/migration";
	}

	@PostMapping("/models/{key}/migration")
	String migrate(@PathVariable String key, @RequestParam("from") int from, RedirectAttributes redirect) {
		try {
			String batch = migrations.migrate(key, from);
			redirect.addFlashAttribute("message", "已開始遷移：批次作業 %s（在流程監控的「批次作業」中可看進度）".formatted(batch));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/models";
	}
}
