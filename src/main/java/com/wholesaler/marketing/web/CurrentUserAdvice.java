package com.wholesaler.marketing.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.wholesaler.marketing.identity.Role;

/** Puts the signed-in user's display name and role names on every page for the header. */
@ControllerAdvice
class CurrentUserAdvice {

	private final IdentityService identityService;

	CurrentUserAdvice(IdentityService identityService) {
		this.identityService = identityService;
	}

	@ModelAttribute("currentUserName")
	String currentUserName(Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		User user = identityService.createUserQuery().userId(authentication.getName()).singleResult();
		return user == null ? authentication.getName() : nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName());
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	@ModelAttribute("currentRoles")
	List<Role> currentRoles(Authentication authentication) {
		if (authentication == null) {
			return List.of();
		}
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.flatMap(g -> Role.ofGroupId(g).stream()).toList();
	}
}
