package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting in the engine right now: the user behind the Tasklist or REST call. */
@Component
public class CurrentUser {

	private final IdentityService identityService;

	public CurrentUser(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String id() {
		Authentication authentication = identityService.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			throw new BusinessRuleException("無法確認操作人，請重新登入後再試 (no signed-in user)");
		}
		return authentication.getUserId();
	}
}
