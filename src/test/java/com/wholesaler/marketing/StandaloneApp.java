package com.wholesaler.marketing;

/** What a test that starts the whole application by itself (not the shared context) needs. */
final class StandaloneApp {

	/** Process test coverage records only inside the process tests; a standalone start excludes it. */
	static final String COVERAGE_AUTO_CONFIGURATION =
			"org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";

	private StandaloneApp() {
	}
}
