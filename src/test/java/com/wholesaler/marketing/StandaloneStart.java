package com.wholesaler.marketing;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/** StandaloneApp for tests outside this package. */
public final class StandaloneStart {

	private StandaloneStart() {
	}

	public static ConfigurableApplicationContext of(String engineName, List<String> arguments) {
		return StandaloneApp.start(engineName, arguments);
	}
}
