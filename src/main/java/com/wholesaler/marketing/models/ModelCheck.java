package com.wholesaler.marketing.models;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules every model in processes/ and forms/ must keep, so that a process owner's change in
 * Camunda Modeler cannot break the application quietly. Each problem names the file and the element.
 */
public class ModelCheck {

	public static final String EXECUTION_PLATFORM = "Camunda Platform";
	public static final String EXECUTION_PLATFORM_VERSION = "7.24.0";
	/** Tasklist 7.24 renders forms up to this schema version. */
	public static final int MAX_FORM_SCHEMA_VERSION = 16;

	private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
	/** Ids as Camunda Modeler makes them up: Activity_0x1y2z3, Flow_1abcdef, Gateway_0q2w3e4. */
	private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{6}$|^StartEvent_1$");
	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
	private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([a-zA-Z_][a-zA-Z0-9_]*)(?!\\s*\\()");
	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)");
	private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "radio", "select", "checkbox",
			"checklist", "taglist", "datetime", "dynamiclist");
	private static final Set<String> EXPRESSION_WORDS = Set.of("and", "or", "not", "empty", "null", "true", "false",
			"eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId");

	/** One problem: which file, which element, what is wrong. */
	public record Problem(String file, String element, String message) {
		@Override
		public String toString() {
			return file + " · " + element + ": " + message;
		}
	}

	private final Predicate<String> beanExists;
	private final Set<String> roleGroups;
	private final ObjectMapper json = new ObjectMapper();

	/**
	 * @param beanExists whether a Spring bean of that name exists (delegate expressions name beans)
	 * @param roleGroups the group ids a user task may be offered to
	 */
	public ModelCheck(Predicate<String> beanExists, Set<String> roleGroups) {
		this.beanExists = beanExists;
		this.roleGroups = roleGroups;
	}

	/**
	 * @param models resource name ("processes/x.bpmn", "forms/y.form") to content
	 * @param documentedVariables per model file name without extension, the variables its docs page lists
	 */
	public List<Problem> check(Map<String, byte[]> models, Map<String, Set<String>> documentedVariables) {
		List<Problem> problems = new ArrayList<>();
		Map<String, JsonNode> forms = new HashMap<>();
		Map<String, String> formFileById = new HashMap<>();
		models.forEach((name, bytes) -> {
			if (name.endsWith(".form")) {
				readForm(name, bytes, problems).ifPresent(form -> {
					String id = form.path("id").asText("");
					if (id.isBlank()) {
						problems.add(new Problem(name, "form", "the form has no id (camunda:formRef links forms by id)"));
					}
					else {
						forms.put(id, form);
						formFileById.put(id, name);
					}
				});
			}
		});
		Set<String> usedForms = new HashSet<>();
		models.forEach((name, bytes) -> {
			if (name.endsWith(".bpmn")) {
				checkBpmn(name, bytes, forms, formFileById, usedForms, documentedVariables, problems);
			}
			else if (name.endsWith(".dmn")) {
				checkDmn(name, bytes, problems);
			}
		});
		formFileById.forEach((id, file) -> {
			if (!usedForms.contains(id)) {
				problems.add(new Problem(file, id, "no model uses this form (camunda:formRef=\"" + id + "\")"));
			}
		});
		return problems;
	}

	private java.util.Optional<JsonNode> readForm(String name, byte[] bytes, List<Problem> problems) {
		try {
			JsonNode form = json.readTree(bytes);
			int version = form.path("schemaVersion").asInt(0);
			if (version == 0 || version > MAX_FORM_SCHEMA_VERSION) {
				problems.add(new Problem(name, form.path("id").asText("form"),
						"schemaVersion " + version + ": Tasklist 7.24 renders forms up to version " + MAX_FORM_SCHEMA_VERSION));
			}
			return java.util.Optional.of(form);
		}
		catch (Exception e) {
			problems.add(new Problem(name, "form", "not a readable form (JSON): " + e.getMessage()));
			return java.util.Optional.empty();
		}
	}

	private void checkBpmn(String name, byte[] bytes, Map<String, JsonNode> forms, Map<String, String> formFileById,
			Set<String> usedForms, Map<String, Set<String>> documentedVariables, List<Problem> problems) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (Exception e) {
			problems.add(new Problem(name, "model", "does not parse: " + e.getMessage()));
			return;
		}
		Definitions definitions = model.getDefinitions();
		if (!EXECUTION_PLATFORM.equals(definitions.getAttributeValueNs(MODELER_NS, "executionPlatform"))
				|| !EXECUTION_PLATFORM_VERSION.equals(definitions.getAttributeValueNs(MODELER_NS, "executionPlatformVersion"))) {
			problems.add(new Problem(name, "definitions", "set modeler:executionPlatform=\"" + EXECUTION_PLATFORM
					+ "\" and modeler:executionPlatformVersion=\"" + EXECUTION_PLATFORM_VERSION + "\" (Modeler then shows the right properties)"));
		}
		Set<String> shapes = new HashSet<>();
		model.getModelElementsByType(BpmnShape.class).forEach(s -> {
			if (s.getBpmnElement() != null) {
				shapes.add(s.getBpmnElement().getId());
			}
		});
		String xml = new String(bytes, StandardCharsets.UTF_8);
		Set<String> known = new HashSet<>(expressionVariables(xml));
		String base = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.bpmn$", "");
		known.addAll(documentedVariables.getOrDefault(base, Set.of()));

		for (Process process : model.getModelElementsByType(Process.class)) {
			String id = process.getId();
			if (!process.isExecutable()) {
				problems.add(new Problem(name, id, "the process is not executable (isExecutable=\"true\")"));
			}
			if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
				problems.add(new Problem(name, id, "no camunda:historyTimeToLive: the engine refuses to deploy it"));
			}
			if (blank(process.getName())) {
				problems.add(new Problem(name, id, "the process has no name"));
			}
			if (model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram.class).isEmpty()) {
				problems.add(new Problem(name, id, "no diagram layout (BPMNDiagram): Camunda Modeler cannot show it"));
			}
		}
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
				problems.add(new Problem(name, element.getId(), "a generated id: give it a meaningful one (Task_ReviewPlan, Flow_Approved)"));
			}
		}
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			if (blank(node.getName())) {
				problems.add(new Problem(name, node.getId(), "no name: every step is labelled in the diagram"));
			}
			if (!shapes.contains(node.getId())) {
				problems.add(new Problem(name, node.getId(), "no shape in the diagram layout"));
			}
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			if (flow.getConditionExpression() != null && blank(flow.getName())) {
				problems.add(new Problem(name, flow.getId(), "a conditional flow without a name: say which way it goes"));
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String groups = task.getCamundaCandidateGroups();
			if (blank(groups)) {
				problems.add(new Problem(name, task.getId(), "no candidate group: offer the task to one of the roles " + roleGroups));
			}
			else if (!groups.trim().startsWith("${")) {
				// an expression (a bean reading the case, e.g. the department a feedback is with) is checked with the other expressions
				for (String group : groups.split(",")) {
					if (!roleGroups.contains(group.trim())) {
						problems.add(new Problem(name, task.getId(), "candidate group \"" + group.trim() + "\" is not one of the roles " + roleGroups));
					}
				}
			}
			checkFormRef(name, task.getId(), task.getCamundaFormRef(), task.getCamundaFormKey(), forms, formFileById, usedForms, known, problems);
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
				checkFormRef(name, start.getId(), start.getCamundaFormRef(), start.getCamundaFormKey(), forms, formFileById, usedForms, known, problems);
			}
		}
		checkExpressions(name, xml, problems);
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			if (task.getCamundaClass() != null) {
				problems.add(new Problem(name, task.getId(), "camunda:class: call a Spring bean with camunda:delegateExpression instead"));
			}
			checkDelegate(name, task.getId(), task.getCamundaDelegateExpression(), problems);
		}
		for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
			checkDelegate(name, owner(listener), listener.getCamundaDelegateExpression(), problems);
		}
		for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
			checkDelegate(name, owner(listener), listener.getCamundaDelegateExpression(), problems);
		}
	}

	/**
	 * Every expression reads variables or calls a method of a bean the models may use, and nothing
	 * else: no "execution" or "task" (they lead to the engine's services), no property chains, no
	 * functions; no class names and no scripts, which would run code the project never reviewed.
	 */
	private void checkExpressions(String name, String xml, List<Problem> problems) {
		for (String forbidden : List.of("camunda:class=", "<bpmn:scriptTask", "<scriptTask", "<camunda:script", "camunda:resource=")) {
			if (xml.contains(forbidden)) {
				problems.add(new Problem(name, forbidden.replace("=", "").replace("<", ""),
						"runs code outside the project's beans: call a delegate bean with camunda:delegateExpression instead"));
			}
		}
		Matcher e = EXPRESSION.matcher(xml.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
				.replace("&lt;", "<").replace("&gt;", ">"));
		while (e.find()) {
			String problem = expressionProblem(e.group(1));
			if (problem != null) {
				problems.add(new Problem(name, "expression " + e.group(), problem));
			}
		}
	}

	private static final Pattern CHAIN = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)((?:\\s*\\.\\s*[a-zA-Z_][a-zA-Z0-9_]*)*)(\\s*\\()?");
	private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
			"variableScope", "processEngine", "processEngineServices");

	/** Why an expression may not stand in a model, or null when it reads only variables and the models' beans. */
	String expressionProblem(String body) {
		String code = body.replaceAll("'[^']*'|\"[^\"]*\"", "''");
		if (code.contains("[") || code.contains(";") || code.contains("->") || code.matches(".*[^=!<>]=[^=].*")
				|| code.matches(".*[a-zA-Z_]\\s*:\\s*[a-zA-Z_].*")) {
			return "only variables, comparisons and a bean method call: no indexing, assignment, lambda or function";
		}
		Matcher chain = CHAIN.matcher(code);
		while (chain.find()) {
			if (chain.start() > 0 && Character.isDigit(code.charAt(chain.start() - 1))) {
				continue;
			}
			String head = chain.group(1);
			String members = chain.group(2).replaceAll("\\s", "");
			boolean call = chain.group(3) != null;
			if (ENGINE_OBJECTS.contains(head)) {
				return "\"" + head + "\" gives the model the engine itself: pass what it needs as a variable or through a delegate bean";
			}
			if (EXPRESSION_WORDS.contains(head)) {
				continue;
			}
			if (members.isEmpty() && call) {
				return "\"" + head + "(...)\" is a function: call a method of a delegate or @ModelExpression bean instead";
			}
			if (!members.isEmpty() && (!call || members.lastIndexOf('.') != 0 || !beanExists.test(head))) {
				return "\"" + head + members + "\": only a method of a delegate or @ModelExpression bean may be called";
			}
		}
		return null;
	}

	private void checkFormRef(String name, String elementId, String formRef, String formKey, Map<String, JsonNode> forms,
			Map<String, String> formFileById, Set<String> usedForms, Set<String> known, List<Problem> problems) {
		if (formKey != null) {
			problems.add(new Problem(name, elementId, "camunda:formKey: link a Camunda Form from forms/ with camunda:formRef"));
			return;
		}
		if (blank(formRef)) {
			problems.add(new Problem(name, elementId, "no form: set camunda:formRef to the id of a form in forms/"));
			return;
		}
		JsonNode form = forms.get(formRef);
		if (form == null) {
			problems.add(new Problem(name, elementId, "camunda:formRef=\"" + formRef + "\" names no form in forms/"));
			return;
		}
		usedForms.add(formRef);
		for (String variable : formVariables(form.path("components"))) {
			if (!known.contains(variable)) {
				problems.add(new Problem(formFileById.get(formRef), variable,
						"the form uses \"" + variable + "\", which the process " + name
								+ " neither uses in an expression nor lists in its docs page's variable table"));
			}
		}
	}

	private void checkDelegate(String name, String elementId, String expression, List<Problem> problems) {
		if (expression == null) {
			return;
		}
		Matcher m = Pattern.compile("^\\$\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}$").matcher(expression.trim());
		if (!m.matches()) {
			problems.add(new Problem(name, elementId, "delegateExpression " + expression + " should be ${beanName}"));
		}
		else if (!beanExists.test(m.group(1))) {
			problems.add(new Problem(name, elementId, "delegateExpression " + expression + " names no Spring bean"));
		}
	}

	private static final Pattern EXPRESSION_LANGUAGE = Pattern.compile("expressionLanguage=\"([^\"]*)\"");

	private void checkDmn(String name, byte[] bytes, List<Problem> problems) {
		Matcher language = EXPRESSION_LANGUAGE.matcher(new String(bytes, StandardCharsets.UTF_8));
		while (language.find()) {
			if (!language.group(1).toLowerCase().startsWith("feel")) {
				problems.add(new Problem(name, "expressionLanguage " + language.group(1),
						"write the table's expressions in FEEL: other languages can call into the engine"));
			}
		}
		try {
			DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()
					.parseDecisions(new ByteArrayInputStream(bytes));
		}
		catch (Exception e) {
			problems.add(new Problem(name, "definitions", "the decision table does not parse: " + e.getMessage()));
		}
	}

	/** Keys of input fields, {{templates}} in texts and =sources of tables: what a form reads or writes. */
	private static Set<String> formVariables(JsonNode components) {
		Set<String> variables = new HashSet<>();
		for (JsonNode c : components) {
			String type = c.path("type").asText();
			if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
				variables.add(c.get("key").asText());
			}
			Matcher t = TEMPLATE.matcher(c.path("text").asText(""));
			while (t.find()) {
				variables.add(t.group(1));
			}
			String source = c.path("dataSource").asText("");
			if (source.startsWith("=")) {
				variables.add(source.substring(1).trim());
			}
			if (c.has("components")) {
				variables.addAll(formVariables(c.get("components")));
			}
		}
		return variables;
	}

	/** Identifiers in ${...} expressions that are not bean method calls' targets or keywords. */
	static Set<String> expressionVariables(String xml) {
		Set<String> variables = new HashSet<>();
		Matcher e = EXPRESSION.matcher(xml.replace("&#39;", "'").replace("&quot;", "\""));
		while (e.find()) {
			String body = e.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "");
			Matcher id = IDENTIFIER.matcher(body);
			while (id.find()) {
				if (!EXPRESSION_WORDS.contains(id.group(1))) {
					variables.add(id.group(1));
				}
			}
		}
		return variables;
	}

	private static String owner(org.camunda.bpm.model.xml.instance.ModelElementInstance listener) {
		org.camunda.bpm.model.xml.instance.ModelElementInstance parent = listener.getParentElement();
		while (parent != null && !(parent instanceof BaseElement)) {
			parent = parent.getParentElement();
		}
		return parent == null ? "listener" : ((BaseElement) parent).getId();
	}

	/** The variables a docs page lists: names in backticks in the first column of its "Variables" table. */
	public static Set<String> documentedVariables(Collection<String> docLines) {
		Set<String> variables = new HashSet<>();
		boolean inVariables = false;
		for (String line : docLines) {
			if (line.startsWith("## ")) {
				inVariables = line.toLowerCase().startsWith("## variables");
				continue;
			}
			if (inVariables && line.startsWith("|")) {
				String[] cells = line.split("\\|");
				if (cells.length > 1) {
					Matcher m = Pattern.compile("`([a-zA-Z_][a-zA-Z0-9_]*)`").matcher(cells[1]);
					while (m.find()) {
						variables.add(m.group(1));
					}
				}
			}
		}
		return variables;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
