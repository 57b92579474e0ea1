package com.wholesaler.marketing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application by itself (not the shared test context), in the same JVM as the
 * shared one without disturbing it: an engine name of its own (the shared webapps and REST API look
 * their engine up by name) and no Camunda webapps (they keep static state of the last one started).
 * Process test coverage records only inside process tests, so it is left out too.
 */
final class StandaloneApp {

	private StandaloneApp() {
	}

	@SafeVarargs
	static ConfigurableApplicationContext start(String engineName, List<String> arguments,
			ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
		List<String> args = new ArrayList<>(List.of(
				"--server.port=0",
				"--camunda.bpm.process-engine-name=" + engineName,
				"--camunda.bpm.webapp.enabled=false",
				"--camunda.bpm.job-execution.enabled=false",
				"--marketing.models.watch=false",
				"--marketing.demo.work-in-flight=false",
				"--marketing.models.locations=classpath*:sample-models/processes/*.bpmn,classpath*:sample-models/forms/*.form",
				"--logging.level.root=warn",
				"--spring.autoconfigure.exclude="
						+ "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration"));
		// a test's own value replaces the default of the same name
		args.removeIf(a -> arguments.stream().anyMatch(b -> b.split("=")[0].equals(a.split("=")[0])));
		args.addAll(arguments);
		return new SpringApplicationBuilder(MarketingCenterApplication.class).initializers(initializers).run(args.toArray(String[]::new));
	}
}
