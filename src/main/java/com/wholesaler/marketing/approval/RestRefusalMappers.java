package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Puts RestRefusals in front of Camunda's own exception mappers in every JAX-RS application of the
 * engine: /engine-rest and the webapps' APIs (Tasklist calls /camunda/api/engine/...). Jersey finds
 * this class through META-INF/services; each mapper takes the same exception type as one of
 * Camunda's, and the lower priority number wins the tie.
 */
public final class RestRefusalMappers implements AutoDiscoverable {

	private static final int BEFORE_CAMUNDA = 1;

	@Override
	public void configure(FeatureContext context) {
		context.register(RestExceptions.class);
		context.register(EngineExceptions.class);
		context.register(JsonMappingExceptions.class);
		context.register(JsonParseExceptions.class);
		context.register(AnyException.class);
	}

	@Priority(BEFORE_CAMUNDA)
	public static class RestExceptions implements ExceptionMapper<RestException> {
		@Override
		public Response toResponse(RestException e) {
			return RestRefusals.toResponse(e);
		}
	}

	@Priority(BEFORE_CAMUNDA)
	public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
		@Override
		public Response toResponse(ProcessEngineException e) {
			return RestRefusals.toResponse(e);
		}
	}

	@Priority(BEFORE_CAMUNDA)
	public static class JsonMappingExceptions implements ExceptionMapper<JsonMappingException> {
		@Override
		public Response toResponse(JsonMappingException e) {
			return RestRefusals.toResponse(e);
		}
	}

	@Priority(BEFORE_CAMUNDA)
	public static class JsonParseExceptions implements ExceptionMapper<JsonParseException> {
		@Override
		public Response toResponse(JsonParseException e) {
			return RestRefusals.toResponse(e);
		}
	}

	@Priority(BEFORE_CAMUNDA)
	public static class AnyException implements ExceptionMapper<Throwable> {
		@Override
		public Response toResponse(Throwable e) {
			return RestRefusals.toResponse(e);
		}
	}
}
