package com.wholesaler.marketing.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Signs users in with the engine's users and passwords; their groups become their authorities. */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthentication(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("用戶名或密碼錯誤 (wrong user name or password)");
		}
		List<GrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
				.map(g -> (GrantedAuthority) new SimpleGrantedAuthority(g.getId()))
				.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
