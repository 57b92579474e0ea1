package com.wholesaler.marketing.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

/** The user name in an HTTP Basic header, to count its failures; the password stays with the engine's check. */
final class BasicCredentials {

	private static final String PREFIX = "Basic ";

	private BasicCredentials() {
	}

	static String userOf(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.startsWith(PREFIX)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
