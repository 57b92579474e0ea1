package com.wholesaler.marketing.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The engine's HTTP Basic filter on /engine-rest (Camunda Modeler, integrations), with the
 * application's LoginThrottle in front of the password check: while a user and address must wait,
 * the call is answered 401 without checking the password.
 */
class ThrottledEngineAuthentication extends ProcessEngineAuthenticationFilter {

	private final LoginThrottle throttle;

	ThrottledEngineAuthentication(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public void init(FilterConfig filterConfig) throws ServletException {
		super.init(filterConfig);
		authenticationProvider = new HttpBasicAuthenticationProvider() {
			@Override
			public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
				return ThrottledEngineAuthentication.this.authenticate(request, () -> super.extractAuthenticatedUser(request, engine));
			}
		};
	}

	private interface Check {
		AuthenticationResult run();
	}

	private AuthenticationResult authenticate(HttpServletRequest request, Check check) {
		String user = BasicCredentials.userOf(request);
		String address = request.getRemoteAddr();
		if (user != null && !throttle.waitFor(user, address).isZero()) {
			return AuthenticationResult.unsuccessful(user);
		}
		AuthenticationResult result = check.run();
		if (user != null) {
			if (result.isAuthenticated()) {
				throttle.succeeded(user, address);
			}
			else {
				throttle.failed(user, address);
			}
		}
		return result;
	}
}
