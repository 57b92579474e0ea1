package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Chinese locale the project writes for the Camunda webapps stays in step with their English one. */
class WebappLocalesTest {

	private static final String APP = "META-INF/resources/webjars/camunda/app/";
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

	private static JsonNode labels(String app, String language) throws IOException {
		try (InputStream in = WebappLocalesTest.class.getClassLoader()
				.getResourceAsStream(APP + app + "/locales/" + language + ".json")) {
			assertThat(in).as(app + "/" + language + ".json").isNotNull();
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
			return new ObjectMapper().readTree(text).get("labels");
		}
	}

	/**
	 * @param minimumShare the share of the English texts that has a Chinese one; missing texts fall
	 *        back to English per text, so a partial translation still works
	 */
	@ParameterizedTest
	@CsvSource({"tasklist, 1.0", "welcome, 1.0", "admin, 0.6", "cockpit, 0.2"})
	void chineseTextsMatchTheEnglishKeysAndPlaceholders(String app, double minimumShare) throws IOException {
		JsonNode english = labels(app, "en");
		JsonNode chinese = labels(app, "zh");
		int translated = 0;
		for (Iterator<Map.Entry<String, JsonNode>> it = chinese.fields(); it.hasNext(); translated++) {
			Map.Entry<String, JsonNode> entry = it.next();
			assertThat(english.has(entry.getKey())).as(app + ": " + entry.getKey() + " is no English key").isTrue();
			assertThat(placeholders(entry.getValue().asText()))
					.as(app + ": placeholders of " + entry.getKey())
					.isEqualTo(placeholders(english.get(entry.getKey()).asText()));
		}
		assertThat((double) translated / english.size()).as(app + " share translated").isGreaterThanOrEqualTo(minimumShare);
	}

	@ParameterizedTest
	@CsvSource({"tasklist", "welcome", "admin", "cockpit"})
	void theAppOffersChineseFirstWithEnglishAsFallback(String app) throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(APP + app + "/scripts/config.js")) {
			String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'en'");
		}
	}

	private static Set<String> placeholders(String text) {
		Set<String> names = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}
}
