package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.wholesaler.marketing.IntegrationTest;

/**
 * Wrong passwords from anyone do not lock the right password out: the engine's lockout (an account
 * locked for good after ten failures) is off, and the application's throttle waits at most its limit
 * (two seconds in the tests, a minute in production).
 */
@IntegrationTest
class LoginLockoutTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Test
	void twelveWrongPasswordsSlowTheUserDownButDoNotLockTheAccount() throws InterruptedException {
		for (int i = 0; i < 12; i++) {
			assertThat(rest.withBasicAuth("regional1", "guess" + i).getForEntity("/engine-rest/task", String.class).getStatusCode())
					.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		assertThat(rest.withBasicAuth("regional1", "demo").getForEntity("/engine-rest/task", String.class).getStatusCode())
				.as("the same address waits a little").isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(identityService.checkPassword("regional1", "demo")).as("the account itself is not locked").isTrue();

		Thread.sleep(2_100);
		assertThat(rest.withBasicAuth("regional1", "demo").getForEntity("/engine-rest/task", String.class).getStatusCode())
				.as("after the wait the right password works").isEqualTo(HttpStatus.OK);
	}
}
