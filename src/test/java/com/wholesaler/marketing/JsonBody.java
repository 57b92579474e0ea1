package com.wholesaler.marketing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON request body for the engine's REST API, as Camunda Modeler and Tasklist send it. */
public final class JsonBody {

	private static final ObjectMapper JSON = new ObjectMapper();

	private JsonBody() {
	}

	public static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	/** A form's answers as Tasklist submits them (a task's form, a start form): {"variables": {"key": {"value": …}}}. */
	public static HttpEntity<String> variables(Map<String, ?> answers) {
		Map<String, Object> variables = new LinkedHashMap<>();
		answers.forEach((k, v) -> variables.put(k, Map.of("value", v)));
		try {
			return json(JSON.writeValueAsString(Map.of("variables", variables)));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
