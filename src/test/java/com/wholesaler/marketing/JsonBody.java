package com.wholesaler.marketing;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A JSON request body for the engine's REST API, as Camunda Modeler and Tasklist send it. */
public final class JsonBody {

	private JsonBody() {
	}

	public static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}
}
