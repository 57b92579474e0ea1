package com.wholesaler.marketing.web;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Signs users in with the engine's users and passwords; their groups become their authorities. */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

	private final IdentityService identityService;
	private final LoginThrottle throttle;

	CamundaIdentityAuthentication(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
		Duration wait = throttle.waitFor(userId, address);
		if (!wait.isZero()) {
			throw new LockedException("密碼錯誤次數過多，請 %d 秒後再試 (too many wrong passwords: wait %d s)"
					.formatted(wait.toSeconds() + 1, wait.toSeconds() + 1));
		}
		if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
			throttle.failed(userId, address);
			throw new BadCredentialsException("用戶名或密碼錯誤 (wrong user name or password)");
		}
		throttle.succeeded(userId, address);
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
