package com.wholesaler.marketing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session against the running test server: signs in through the login form, keeps cookies. */
public final class PortalSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;
	private final CookieManager cookies = new CookieManager();
	private final HttpClient http;

	private PortalSession(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	public static PortalSession signIn(int port, String user, String password) {
		PortalSession session = new PortalSession(port);
		HttpResponse<String> loginPage = session.get("/login");
		Matcher csrf = CSRF.matcher(loginPage.body());
		if (!csrf.find()) {
			throw new IllegalStateException("login page has no CSRF token");
		}
		String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		session.send(HttpRequest.newBuilder(URI.create(session.baseUrl + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build());
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html,application/json").GET().build());
	}

	/** A form as a portal page posts it (the body already URL-encoded, with the page's CSRF token). */
	public HttpResponse<String> postForm(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/** A JSON POST as a portal page's script sends it, with the given extra headers (name, value, ...). */
	public HttpResponse<String> postJson(String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
				.header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/**
	 * A JSON POST as the Camunda webapps send it to their own API (/camunda/api/...), with the
	 * webapps' CSRF token from the cookie they set when an app page loads.
	 */
	public HttpResponse<String> postToWebappApi(String path, String json) {
		String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(java.net.HttpCookie::getValue).findFirst()
				.orElseThrow(() -> new IllegalStateException("open a webapp page first: no XSRF-TOKEN cookie"));
		return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
				.header("Accept", "application/json").header("X-XSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
