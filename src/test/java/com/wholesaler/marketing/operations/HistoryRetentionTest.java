package com.wholesaler.marketing.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.wholesaler.marketing.IntegrationTest;

/** Records are kept as long as the business needs them, and the history cleanup runs at night. */
@IntegrationTest
class HistoryRetentionTest {

	/** Contracts and price decisions: 10 years; everything else at least 3. */
	private static final Map<String, Integer> TEN_YEARS = Map.of("contractSigning", 3650, "contractAmendment", 3650,
			"contractAmendmentApproval", 3650, "priceAdjustment", 3650, "priceAdjustmentRules", 3650);
	private static final Pattern TTL = Pattern.compile("<(?:bpmn:process|decision)\\s+id=\"([^\"]+)\"[^>]*historyTimeToLive=\"P(\\d+)D\"");

	@Autowired
	ProcessEngine engine;

	@Test
	void everyModelKeepsItsHistoryLongEnough() throws IOException {
		List<Path> models;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			models = files.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).toList();
		}
		int checked = 0;
		for (Path model : models) {
			Matcher m = TTL.matcher(Files.readString(model));
			while (m.find()) {
				checked++;
				assertThat(Integer.parseInt(m.group(2))).as(m.group(1) + " in " + model)
						.isGreaterThanOrEqualTo(TEN_YEARS.getOrDefault(m.group(1), 1095));
			}
		}
		assertThat(checked).as("every process and decision has a time to live").isGreaterThanOrEqualTo(models.size());
	}

	@Test
	void theCleanupRunsAtNight() {
		ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
	}
}
