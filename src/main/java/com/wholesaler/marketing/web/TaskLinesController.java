package com.wholesaler.marketing.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.wholesaler.marketing.catalog.Catalog;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 表格填寫: the lines a task's form takes as text, edited as a table with the products found by code or
 * name; the form links here with its case number ({@code /cases/{case}/lines/{field}}).
 */
@Controller
class TaskLinesController {

	/** Empty rows offered below the ones the task holds. */
	private static final int BLANK_ROWS = 5;

	private final TaskLines lines;
	private final Catalog catalog;

	TaskLinesController(TaskLines lines, Catalog catalog) {
		this.lines = lines;
		this.catalog = catalog;
	}

	@GetMapping("/cases/{caseNumber}/lines/{key}")
	String edit(@PathVariable String caseNumber, @PathVariable String key, Authentication user, Model model) {
		return show(lines.current(user.getName(), caseNumber, key), model);
	}

	@PostMapping("/cases/{caseNumber}/lines/{key}")
	String save(@PathVariable String caseNumber, @PathVariable String key, @RequestParam MultiValueMap<String, String> form,
			Authentication user, Model model, HttpServletResponse response) {
		List<String> products = form.getOrDefault("product", List.of());
		List<List<String>> columns = new ArrayList<>();
		for (int c = 0; form.containsKey("c" + c); c++) {
			columns.add(form.get("c" + c));
		}
		TaskLines.Table table = lines.save(user.getName(), caseNumber, key, products, columns);
		if (table.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", "有 %d 行未通過檢查，未保存；請按每行的提示修改 (some rows were refused; nothing saved)"
					.formatted(table.rows().stream().filter(r -> r.error() != null).count()));
		}
		else {
			model.addAttribute("message", "已存入任務「%s」：在任務清單打開這項任務，表單中即是這些明細，確認後提交 (saved into the task: open it in Tasklist and submit)"
					.formatted(table.task().getName()));
		}
		return show(table, model);
	}

	private String show(TaskLines.Table table, Model model) {
		List<TaskLines.Row> rows = new ArrayList<>(table.rows());
		for (int i = 0; i < BLANK_ROWS; i++) {
			rows.add(new TaskLines.Row("", table.field().columns().stream().map(c -> "").toList(), null, null));
		}
		model.addAttribute("table", table);
		model.addAttribute("rows", rows);
		model.addAttribute("products", catalog.productNames());
		return "lines/edit";
	}
}
