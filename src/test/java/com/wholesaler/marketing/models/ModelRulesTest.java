package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.wholesaler.marketing.identity.Role;

/**
 * The model rules on the files in processes/ and forms/ as they are, and on broken copies: each way
 * of breaking a model fails with a message that names the file and the element.
 */
class ModelRulesTest {

	private static final String PLAN = "processes/purchase-plan-approval.bpmn";
	private static final String REVIEW_FORM = "forms/purchase-plan-review.form";

	private static Map<String, byte[]> models;
	private static Map<String, Set<String>> documented;
	private static Set<String> beans;

	@BeforeAll
	static void readTheModels() throws IOException {
		models = new TreeMap<>();
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> files = Files.list(Path.of(folder))) {
				for (Path f : files.filter(p -> !p.toString().endsWith(".md")).toList()) {
					models.put(folder + "/" + f.getFileName(), Files.readAllBytes(f));
				}
			}
		}
		documented = new HashMap<>();
		try (Stream<Path> docs = Files.list(Path.of("docs", "processes"))) {
			for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
				documented.put(doc.getFileName().toString().replace(".md", ""),
						ModelCheck.documentedVariables(Files.readAllLines(doc)));
			}
		}
		// The beans a model may name: every @Component of the code base, named as Spring names it.
		org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider scanner =
				new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(true);
		org.springframework.context.annotation.AnnotationBeanNameGenerator names =
				new org.springframework.context.annotation.AnnotationBeanNameGenerator();
		org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry registry =
				new org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry();
		beans = scanner.findCandidateComponents("com.wholesaler.marketing").stream()
				.map(definition -> names.generateBeanName(definition, registry)).collect(Collectors.toSet());
		assertThat(beans).contains("proposeQuantitiesDelegate", "applyPricesDelegate");
	}

	private static ModelCheck check() {
		return new ModelCheck(beans::contains,
				Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet()));
	}

	@Test
	void theModelsAsTheyAreKeepEveryRule() {
		assertThat(check().check(models, documented)).isEmpty();
	}

	static Stream<Arguments> breakages() {
		return Stream.of(
				broken("not XML any more", PLAN, s -> s.replace("</bpmn:process>", ""), PLAN, "does not parse"),
				broken("not executable", PLAN, s -> s.replace("isExecutable=\"true\"", "isExecutable=\"false\""), "purchasePlanApproval", "not executable"),
				broken("no history time to live", PLAN, s -> s.replace("camunda:historyTimeToLive=\"P1825D\"", ""), "purchasePlanApproval", "historyTimeToLive"),
				broken("no process name", PLAN, s -> s.replace("name=\"購進計畫審批\" isExecutable", "isExecutable"), "purchasePlanApproval", "has no name"),
				broken("no diagram", PLAN, s -> s.substring(0, s.indexOf("<bpmndi:BPMNDiagram")) + "</bpmn:definitions>", "purchasePlanApproval", "no diagram layout"),
				broken("no execution platform", PLAN, s -> s.replace("modeler:executionPlatformVersion=\"7.24.0\"", ""), "definitions", "modeler:executionPlatform"),
				broken("a generated id", PLAN, s -> s.replace("Task_CheckPlan", "Activity_0x1y2z3"), "Activity_0x1y2z3", "generated id"),
				broken("a step without a name", PLAN, s -> s.replace("name=\"綜合審核計畫\"", ""), "Task_CheckPlan", "no name"),
				broken("a stranger's group", PLAN, s -> s.replace("camunda:candidateGroups=\"generalAdmin\"", "camunda:candidateGroups=\"accounting\""), "Task_CheckPlan", "not one of the roles"),
				broken("no candidate group", PLAN, s -> s.replace("camunda:candidateGroups=\"generalAdmin\"", ""), "Task_CheckPlan", "no candidate group"),
				broken("a form that does not exist", PLAN, s -> s.replace("camunda:formRef=\"purchasePlanStart\"", "camunda:formRef=\"noSuchForm\""), "Event_PlanStarted", "names no form"),
				broken("a delegate bean that does not exist", PLAN, s -> s.replace("${proposeQuantitiesDelegate}", "${noSuchBean}"), "Task_ProposeQuantities", "names no Spring bean"),
				broken("a listener bean that does not exist", PLAN, s -> s.replace("${planStartListener}", "${startListener2}"), "Event_PlanStarted", "names no Spring bean"),
				broken("a form field nobody reads", REVIEW_FORM, s -> s.replace("\"key\": \"comment\"", "\"key\": \"ghostField\""), "ghostField", "neither uses"),
				broken("a form for a newer Tasklist", REVIEW_FORM, s -> s.replace("\"schemaVersion\": 16", "\"schemaVersion\": 18"), "purchasePlanReview", "schemaVersion 18"));
	}

	private static Arguments broken(String how, String file, UnaryOperator<String> change, String element, String message) {
		return Arguments.of(how, file, change, element, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("breakages")
	void aBrokenModelFailsNamingTheFileAndTheElement(String how, String file, UnaryOperator<String> change,
			String element, String message) {
		Map<String, byte[]> copy = new TreeMap<>(models);
		String original = new String(copy.get(file), StandardCharsets.UTF_8);
		String changed = change.apply(original);
		assertThat(changed).as("the breakage applies").isNotEqualTo(original);
		copy.put(file, changed.getBytes(StandardCharsets.UTF_8));

		List<ModelCheck.Problem> problems = check().check(copy, documented);

		assertThat(problems).as(how).anySatisfy(p -> {
			assertThat(p.toString()).contains(element).contains(message);
			assertThat(p.file()).isIn(file, PLAN, REVIEW_FORM);
		});
	}

	@Test
	void aDecisionTableThatDoesNotParseFails() {
		Map<String, byte[]> copy = new TreeMap<>(models);
		copy.put("processes/broken.dmn", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"><decision id=\"d\">"
				.getBytes(StandardCharsets.UTF_8));
		assertThat(check().check(copy, documented)).anySatisfy(p ->
				assertThat(p.toString()).contains("processes/broken.dmn").contains("does not parse"));
	}

	@Test
	void expressionsYieldTheVariablesTheyRead() {
		assertThat(ModelCheck.expressionVariables("<x>${decision == 'APPROVE' and reviewDeadlines.due() != null}</x>"))
				.contains("decision", "reviewDeadlines").doesNotContain("APPROVE", "due", "and");
	}
}
