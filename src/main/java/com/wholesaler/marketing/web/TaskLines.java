package com.wholesaler.marketing.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.EngineApiGuard;
import com.wholesaler.marketing.approval.LinesField;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;

/**
 * The lines an open task's form takes as text, as a table on the portal: read from what the task holds,
 * each row's product found by code or name, each row checked by the capability's own reading of a
 * line, and written back into the task only when every row passes, for the form to show and submit.
 */
@Service
class TaskLines {

	/** A row as the user typed it, the product it found, and what is wrong with it, if anything. */
	record Row(String product, List<String> cells, String productName, String error) {

		boolean isBlank() {
			return product.isBlank() && cells.stream().allMatch(String::isBlank);
		}
	}

	/** The table of one field of one open task. */
	record Table(Task task, String caseNumber, LinesField field, List<Row> rows) {

		boolean hasErrors() {
			return rows.stream().anyMatch(r -> r.error() != null);
		}

		/** The rows as the form's field takes them, one line each. */
		String text() {
			return rows.stream().filter(r -> !r.isBlank()).map(TaskLines::line).collect(Collectors.joining("\n"));
		}
	}

	private final TaskService taskService;
	private final EngineApiGuard guard;
	private final Catalog catalog;
	private final Map<String, LinesField> fields;

	TaskLines(TaskService taskService, EngineApiGuard guard, Catalog catalog, List<LinesField> fields) {
		this.taskService = taskService;
		this.guard = guard;
		this.catalog = catalog;
		this.fields = fields.stream().collect(Collectors.toMap(LinesField::key, Function.identity()));
	}

	/** The field's lines as the open task of the case that the user may work on holds them now. */
	Table current(String userId, String caseNumber, String key) {
		LinesField field = field(key);
		Task task = openTask(userId, caseNumber, key);
		Object text = taskService.getVariable(task.getId(), key);
		List<Row> rows = new ArrayList<>();
		for (String line : text == null ? List.<String>of() : text.toString().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
			String[] cells = line.split("[\\s,，、]+", field.columns().size() + 1);
			List<String> rest = new ArrayList<>(Arrays.asList(cells).subList(1, cells.length));
			rows.add(new Row(cells[0], padded(rest, field), name(cells[0]), null));
		}
		return new Table(task, caseNumber, field, rows);
	}

	/** Checks the rows the page sent; saves them into the task only if every row passes. */
	Table save(String userId, String caseNumber, String key, List<String> products, List<List<String>> columns) {
		LinesField field = field(key);
		Task task = openTask(userId, caseNumber, key);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < products.size(); i++) {
			List<String> cells = new ArrayList<>();
			for (List<String> column : columns) {
				cells.add(i < column.size() ? column.get(i).strip() : "");
			}
			Row typed = new Row(products.get(i).strip(), cells, null, null);
			rows.add(typed.isBlank() ? typed : checked(typed, field));
		}
		Table table = new Table(task, caseNumber, field, rows);
		if (!table.hasErrors()) {
			taskService.setVariable(task.getId(), key, table.text());
		}
		return table;
	}

	private Row checked(Row typed, LinesField field) {
		Optional<Product> product = catalog.findProduct(typed.product().split("\\s+")[0]);
		if (product.isEmpty()) {
			product = catalog.findProduct(typed.product());
		}
		if (product.isEmpty()) {
			return new Row(typed.product(), typed.cells(), null, "找不到規格「%s」，或有多個規格符合：請輸入代碼或完整名稱 (no single product found)"
					.formatted(typed.product()));
		}
		Row found = new Row(product.get().code(), typed.cells(), product.get().name(), null);
		for (int c = 0; c < field.columns().size(); c++) {
			LinesField.Column column = field.columns().get(c);
			if (column.required() && typed.cells().get(c).isBlank()) {
				return new Row(found.product(), found.cells(), found.productName(), "請填寫「%s」(required)".formatted(column.heading()));
			}
		}
		try {
			field.check().accept(line(found));
			return found;
		}
		catch (BusinessRuleException e) {
			return new Row(found.product(), found.cells(), found.productName(), e.getMessage());
		}
	}

	private static String line(Row row) {
		List<String> cells = row.cells();
		// an optional cell left empty is left out, as a line typed by hand would (the readers take "code cartons reason")
		StringBuilder line = new StringBuilder(row.product());
		cells.stream().filter(cell -> !cell.isBlank()).forEach(cell -> line.append(' ').append(cell));
		return line.toString();
	}

	private String name(String code) {
		return catalog.product(code.toUpperCase()).map(Product::name).orElse(null);
	}

	private static List<String> padded(List<String> cells, LinesField field) {
		while (cells.size() < field.columns().size()) {
			cells.add("");
		}
		return cells;
	}

	private LinesField field(String key) {
		LinesField field = fields.get(key);
		if (field == null) {
			throw new BusinessRuleException("沒有可以用表格填寫的欄位「%s」(no such lines field)".formatted(key));
		}
		return field;
	}

	/** The case's open task whose form takes the field and that the user may work on (offered to them, not claimed by another). */
	private Task openTask(String userId, String caseNumber, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskCandidateUser(userId).includeAssignedTasks().list()
				.stream()
				.filter(t -> t.getAssignee() == null || t.getAssignee().equals(userId))
				.filter(t -> guard.formOf(t.getId()).keys().contains(key))
				.findFirst()
				.orElseThrow(() -> new BusinessRuleException("「%s」沒有等您填寫這些明細的任務 (no open task of yours takes these lines)".formatted(caseNumber)));
	}
}
