package com.wholesaler.marketing.approval;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user of a portal or API request as the application's rules take them: their groups. */
public final class SignedIn {

	private SignedIn() {
	}

	/** The groups (role ids) the user signed in with. */
	public static Set<String> groups(Authentication user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
	}
}
