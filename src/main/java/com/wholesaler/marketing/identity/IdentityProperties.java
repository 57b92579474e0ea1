package com.wholesaler.marketing.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoData load demo users (and the demo company) on start
 * @param admin the administrator created outside demo mode
 */
@ConfigurationProperties("marketing")
public record IdentityProperties(boolean demoData, Admin admin) {

	public record Admin(String user, String password) {
	}
}
