package com.wholesaler.marketing.approval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of a deployed Camunda Form and the rules the form states for them (required,
 * pattern, min/max, length, the values of a radio or select). A browser checks them before it sends;
 * a REST client skips the browser, so the server checks what was sent against the same list.
 */
public final class FormSchema {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "radio", "select",
			"checkbox", "checklist", "taglist", "datetime");

	private static final Set<String> CHOICES = Set.of("radio", "select", "checkbox", "checklist");

	/** A form that asks for nothing: a task or start event without a form takes no variables. */
	public static final FormSchema NONE = new FormSchema("—", Map.of());

	private final String formId;
	private final Map<String, Field> fields;

	private FormSchema(String formId, Map<String, Field> fields) {
		this.formId = formId;
		this.fields = fields;
	}

	record Field(String key, String label, String type, boolean required, boolean conditional, Pattern pattern,
			BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, Map<String, String> values) {
	}

	/** Reads a form's JSON as the engine deployed it. */
	public static FormSchema parse(String json) {
		try {
			JsonNode form = JSON.readTree(json);
			Map<String, Field> fields = new LinkedHashMap<>();
			collect(form.path("components"), false, fields);
			return new FormSchema(form.path("id").asText("form"), fields);
		}
		catch (Exception e) {
			throw new IllegalStateException("the deployed form is not readable JSON", e);
		}
	}

	private static void collect(JsonNode components, boolean insideConditional, Map<String, Field> fields) {
		for (JsonNode c : components) {
			boolean conditional = insideConditional || c.has("conditional");
			String type = c.path("type").asText();
			if (INPUT_TYPES.contains(type) && c.hasNonNull("key") && !c.path("disabled").asBoolean(false)) {
				JsonNode v = c.path("validate");
				Map<String, String> values = new LinkedHashMap<>();
				c.path("values").forEach(value -> values.put(value.path("value").asText(), shortLabel(value.path("label").asText(""))));
				String key = c.get("key").asText();
				fields.put(key, new Field(key, c.path("label").asText(key), type, v.path("required").asBoolean(false),
						conditional, pattern(v.path("pattern").asText(null)), decimal(v.get("min")), decimal(v.get("max")),
						integer(v.get("minLength")), integer(v.get("maxLength")), values));
			}
			if (c.has("components")) {
				collect(c.get("components"), conditional, fields);
			}
		}
	}

	public String formId() {
		return formId;
	}

	public Set<String> keys() {
		return fields.keySet();
	}

	/** The options of a radio or select field, value → label, in the form's order; empty when the form has no such field. */
	public Map<String, String> choices(String key) {
		Field field = fields.get(key);
		return field == null ? Map.of() : field.values();
	}

	/** What the person answers at this step: the choices of the form and its comment, never prefilled. */
	public Set<String> answers() {
		Set<String> answers = new TreeSet<>();
		fields.values().forEach(f -> {
			if (CHOICES.contains(f.type()) || "comment".equals(f.key())) {
				answers.add(f.key());
			}
		});
		return answers;
	}

	/**
	 * Refuses, naming every problem at once, what the form would not have sent: variables it does not
	 * ask for, a required field left empty, a value against the field's own rule. Nothing is changed.
	 */
	public void check(Map<String, Object> submitted) {
		Map<String, Object> values = new LinkedHashMap<>();
		submitted.forEach((name, value) -> values.put(name, plain(value)));
		Set<String> unknown = new TreeSet<>(values.keySet());
		unknown.removeAll(fields.keySet());
		if (!unknown.isEmpty()) {
			throw new BusinessRuleException("表單「%s」沒有這些欄位，不能提交：%s (the form does not ask for: %s)"
					.formatted(formId, String.join("、", unknown), String.join(", ", unknown)));
		}
		List<String> problems = new ArrayList<>();
		for (Field field : fields.values()) {
			String problem = problem(field, values.get(field.key()), values.containsKey(field.key()));
			if (problem != null) {
				problems.add("「%s」%s".formatted(label(field), problem));
			}
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleException(String.join("；", problems));
		}
	}

	/**
	 * The value inside a typed value; a tag list or checklist, which Tasklist sends as a JSON array, as
	 * a list of its values; any other serialized object stays what it is (no form field takes one).
	 */
	private static Object plain(Object value) {
		if (value instanceof SerializableValue serialized && !serialized.isDeserialized()) {
			String text = serialized.getValueSerialized();
			// Tasklist sends a tag list as a Json variable; the REST API leaves its data format unset
			if (text != null && text.strip().startsWith("[")) {
				try {
					List<String> values = new ArrayList<>();
					JSON.readTree(text).forEach(e -> values.add(e.isTextual() ? e.asText() : e.toString()));
					return values;
				}
				catch (Exception e) {
					return serialized;
				}
			}
			return serialized;
		}
		Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
		if (plain instanceof SpinJsonNode node && node.isArray()) {
			return node.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
		}
		return plain;
	}

	private static String problem(Field field, Object value, boolean sent) {
		boolean empty = value == null || value instanceof String s && s.isEmpty()
				|| value instanceof Collection<?> c && c.isEmpty() || Boolean.FALSE.equals(value) && "checkbox".equals(field.type());
		if (empty) {
			// A field shown only under a condition is required only when shown; the server cannot
			// evaluate the form's FEEL, so such a field may stay empty here and its service decides.
			return field.required() && !field.conditional() ? "必須填寫 (required)" : null;
		}
		switch (field.type()) {
			case "checkbox" -> {
				return value instanceof Boolean ? null : "應為勾選或不勾選 (must be true or false)";
			}
			case "number" -> {
				if (!(value instanceof Number number)) {
					return "應為數字 (must be a number)";
				}
				BigDecimal n = new BigDecimal(number.toString());
				if (field.min() != null && n.compareTo(field.min()) < 0) {
					return "不能小於 %s (at least %s)".formatted(field.min().toPlainString(), field.min().toPlainString());
				}
				if (field.max() != null && n.compareTo(field.max()) > 0) {
					return "不能大於 %s (at most %s)".formatted(field.max().toPlainString(), field.max().toPlainString());
				}
				return null;
			}
			case "checklist", "taglist" -> {
				if (!(value instanceof Collection<?> chosen)) {
					return "應為選項清單 (must be a list of options)";
				}
				for (Object c : chosen) {
					if (!field.values().isEmpty() && !field.values().containsKey(String.valueOf(c))) {
						return "沒有選項「%s」(not an option)".formatted(c);
					}
				}
				return null;
			}
			default -> {
				if (!(value instanceof String text)) {
					return "應為文字 (must be text)";
				}
				if (!field.values().isEmpty() && !field.values().containsKey(text)) {
					return "只能選擇%s，不能是「%s」(must be one of %s)".formatted(
							field.values().values().stream().map(l -> "「" + l + "」").collect(Collectors.joining("或")),
							abbreviated(text), String.join(", ", field.values().keySet()));
				}
				if (field.maxLength() != null && text.length() > field.maxLength()) {
					return "最多 %d 字，現有 %d 字 (at most %d characters)".formatted(field.maxLength(), text.length(), field.maxLength());
				}
				if (field.minLength() != null && text.length() < field.minLength()) {
					return "至少 %d 字 (at least %d characters)".formatted(field.minLength(), field.minLength());
				}
				if (field.pattern() != null && !field.pattern().matcher(text).find()) {
					return "格式不對：「%s」(does not match the form's pattern)".formatted(abbreviated(text));
				}
				return null;
			}
		}
	}

	/** The field as the form names it, without the form's explanations, and its key for a REST client. */
	private static String label(Field field) {
		String label = shortLabel(field.label());
		return label.isEmpty() || label.equals(field.key()) ? field.key() : label + " " + field.key();
	}

	/** A label without the explanations after it: "審核結果 (decision)" is 審核結果. */
	private static String shortLabel(String label) {
		return label.split("[：:（(]", 2)[0].trim();
	}

	private static String abbreviated(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}

	private static Pattern pattern(String regex) {
		if (regex == null || regex.isEmpty()) {
			return null;
		}
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException e) {
			throw new IllegalStateException("the form's pattern does not compile: " + regex, e);
		}
	}

	private static BigDecimal decimal(JsonNode node) {
		return node == null || !node.isNumber() ? null : node.decimalValue();
	}

	private static Integer integer(JsonNode node) {
		return node == null || !node.isNumber() ? null : node.intValue();
	}
}
