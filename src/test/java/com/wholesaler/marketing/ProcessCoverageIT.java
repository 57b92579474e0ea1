package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs after the test suite (failsafe) and reads the process test coverage reports: every model
 * in processes/ has a process test (a class named *ProcessTest), and together they walked every
 * flow node and sequence flow of it.
 */
class ProcessCoverageIT {

	private static final Path REPORTS = Path.of("target", "process-test-coverage");

	@Test
	void everyProcessIsFullyCoveredByItsProcessTests() throws IOException {
		Map<String, Set<String>> coveredByModel = new HashMap<>();
		Map<String, String> xmlByModel = new HashMap<>();
		assertThat(REPORTS).as("run the tests first: mvn verify").isDirectory();
		try (Stream<Path> dirs = Files.list(REPORTS)) {
			for (Path dir : dirs.filter(d -> d.getFileName().toString().endsWith("ProcessTest")).toList()) {
				JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
				report.get("models").forEach(m -> xmlByModel.put(m.get("key").asText(), m.get("xml").asText()));
				report.get("suites").forEach(suite -> suite.get("runs").forEach(run -> run.get("events").forEach(e ->
						coveredByModel.computeIfAbsent(e.get("modelKey").asText(), k -> new TreeSet<>())
								.add(e.get("definitionKey").asText()))));
			}
		}
		List<String> deployed;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			deployed = files.filter(f -> f.toString().endsWith(".bpmn")).map(this::processId).toList();
		}
		for (String processId : deployed) {
			assertThat(xmlByModel).as("a *ProcessTest runs process " + processId).containsKey(processId);
			BpmnModelInstance model = Bpmn.readModelFromStream(
					new java.io.ByteArrayInputStream(xmlByModel.get(processId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			Set<String> elements = new TreeSet<>();
			model.getModelElementsByType(FlowNode.class).forEach(n -> elements.add(n.getId()));
			model.getModelElementsByType(SequenceFlow.class).forEach(f -> elements.add(f.getId()));
			Set<String> missed = new TreeSet<>(elements);
			missed.removeAll(coveredByModel.getOrDefault(processId, Set.of()));
			assertThat(missed).as("flow nodes and sequence flows of %s that no process test walked", processId).isEmpty();
		}
	}

	private String processId(Path bpmn) {
		BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
		return model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
	}
}
