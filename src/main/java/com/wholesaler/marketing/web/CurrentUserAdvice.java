package com.wholesaler.marketing.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.wholesaler.marketing.identity.Role;

/**
 * Puts the signed-in user's display name and role names on every page for the header; not on the JSON
 * API, whose answers have no header (the user query would cost every order call).
 */
@ControllerAdvice
class CurrentUserAdvice {

	private final IdentityService identityService;

	CurrentUserAdvice(IdentityService identityService) {
		this.identityService = identityService;
	}

	@ModelAttribute("currentUserName")
	String currentUserName(Authentication authentication, HttpServletRequest request) {
		if (authentication == null || isApi(request)) {
			return null;
		}
		User user = identityService.createUserQuery().userId(authentication.getName()).singleResult();
		return user == null ? authentication.getName() : nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName());
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	@ModelAttribute("currentRoles")
	List<Role> currentRoles(Authentication authentication, HttpServletRequest request) {
		if (authentication == null || isApi(request)) {
			return List.of();
		}
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.flatMap(g -> Role.ofGroupId(g).stream()).toList();
	}
}
