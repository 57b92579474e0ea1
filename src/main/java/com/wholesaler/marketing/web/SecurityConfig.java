package com.wholesaler.marketing.web;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.wholesaler.marketing.identity.Role;

/**
 * One login for the portal and the Camunda webapps: Spring Security signs the user in against the
 * engine's identity service, and the webapps take the signed-in user from the request
 * (container-based authentication). The engine REST API, which Camunda Modeler deploys to, is
 * guarded by the engine's own HTTP Basic filter, so every call runs as a known engine user.
 */
@Configuration
class SecurityConfig {

	private static final String ENGINE_REST = "/engine-rest";

	@Bean
	@Order(1)
	SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
		http.securityMatcher(path(ENGINE_REST + "/**"))
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/** Prometheus scrapes with HTTP Basic as a process owner or administrator; no session is kept. */
	@Bean
	@Order(0)
	SecurityFilterChain metricsChain(HttpSecurity http) throws Exception {
		http.securityMatcher(path("/actuator/prometheus"))
				.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(Role.PROCESS_OWNER.groupId(), Role.CAMUNDA_ADMIN))
				.httpBasic(basic -> { })
				.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * The application's JSON API (docs/api.md): the portal session (with its CSRF token) or HTTP Basic
	 * per request (no CSRF token: nothing a browser sends by itself); never a redirect to the login page.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
		http.securityMatcher(path("/api/**"))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.httpBasic(basic -> { })
				.csrf(csrf -> csrf.ignoringRequestMatchers(request -> {
					String authorization = request.getHeader("Authorization");
					return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
				}));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(path("/login"), path("/css/**"), path("/js/**"), path("/favicon.ico"),
								path("/error"), path("/actuator/health/**"), path("/actuator/info"))
						.permitAll()
						.requestMatchers(path("/camunda/app/cockpit/**"), path("/camunda/api/cockpit/**"), path("/models/**"))
						.hasAnyAuthority(Role.PROCESS_OWNER.groupId(), Role.CAMUNDA_ADMIN)
						.requestMatchers(path("/camunda/app/admin/**"))
						.hasAuthority(Role.CAMUNDA_ADMIN)
						// the call-centre figures of every clerk: for who leads the seats and the center
						// the director's desk: every open task of the center and who holds it
						.requestMatchers(path("/desk"), path("/desk/**"))
						.hasAnyAuthority(Role.CENTER_DIRECTOR.groupId(), Role.DEPUTY_DIRECTOR.groupId(), Role.EXECUTIVE.groupId())
						// the month's sales plans: the center's planners and approvers, and the regions whose targets they are
						.requestMatchers(path("/sales-plans"), path("/sales-plans/**"))
						.hasAnyAuthority(Role.EXECUTIVE.groupId(), Role.CENTER_DIRECTOR.groupId(), Role.DEPUTY_DIRECTOR.groupId(),
								Role.BRAND_PLANNING_HEAD.groupId(), Role.GENERAL_ADMIN.groupId(), Role.SUPPLY_MANAGER.groupId(),
								Role.REGIONAL_MARKETING.groupId())
						// the departments' month plans: for who drafts them and who approves and follows them
						.requestMatchers(path("/work-plans"), path("/work-plans/**"))
						.hasAnyAuthority(Role.EXECUTIVE.groupId(), Role.CENTER_DIRECTOR.groupId(), Role.DEPUTY_DIRECTOR.groupId(),
								Role.BRAND_PLANNING_HEAD.groupId(), Role.ORDER_DEPT_HEAD.groupId())
						// the center's reports: for the center's staff, not the call seats or the regions
						.requestMatchers(path("/reports"), path("/reports/**"))
						.hasAnyAuthority(Role.EXECUTIVE.groupId(), Role.CENTER_DIRECTOR.groupId(), Role.DEPUTY_DIRECTOR.groupId(),
								Role.BRAND_PLANNING_HEAD.groupId(), Role.GENERAL_ADMIN.groupId(), Role.SUPPLY_MANAGER.groupId(),
								Role.BRAND_MANAGER.groupId(), Role.ORDER_DEPT_HEAD.groupId())
						.requestMatchers(path("/orders/kpi"), path("/orders/kpi.xlsx"))
						.hasAnyAuthority(Role.SEAT_LEADER.groupId(), Role.ORDER_DEPT_HEAD.groupId(), Role.CENTER_DIRECTOR.groupId(),
								Role.DEPUTY_DIRECTOR.groupId())
						// a day's calls: a phone clerk sees their own (OrderDetailsController), the others every clerk's
						.requestMatchers(path("/orders/list"), path("/orders/list.xlsx"))
						.hasAnyAuthority(Role.PHONE_CLERK.groupId(), Role.SEAT_LEADER.groupId(), Role.ORDER_DEPT_HEAD.groupId(),
								Role.CENTER_DIRECTOR.groupId(), Role.DEPUTY_DIRECTOR.groupId())
						.requestMatchers(path("/orders/corrections"), path("/orders/corrections/**"), path("/orders/routes"),
								path("/orders/routes/**"))
						.hasAnyAuthority(Role.SEAT_LEADER.groupId(), Role.ORDER_DEPT_HEAD.groupId(), Role.CENTER_DIRECTOR.groupId(),
								Role.DEPUTY_DIRECTOR.groupId())
						.anyRequest().authenticated())
				.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
				// The webapps' own logout button ends the shared session too.
				.logout(logout -> logout
						.logoutRequestMatcher(new OrRequestMatcher(
								PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
								PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
										"/camunda/api/admin/auth/user/*/logout")))
						.logoutSuccessUrl("/login?logout"))
				// The webapps carry their own CSRF protection (X-XSRF-TOKEN).
				.csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
				.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
	}

	/** Path patterns, not MVC patterns: the webapps and the REST API are servlets of their own. */
	private static PathPatternRequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
				new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
		registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(LoginThrottle throttle) {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
				new FilterRegistrationBean<>(new ThrottledEngineAuthentication(throttle));
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns(ENGINE_REST + "/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}
}
