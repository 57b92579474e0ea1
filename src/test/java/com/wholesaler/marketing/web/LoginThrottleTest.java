package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Repeated wrong passwords slow down one user from one address, never longer than the limit. */
class LoginThrottleTest {

	private Instant now = Instant.parse("2026-12-02T08:00:00Z");
	private final Clock clock = new Clock() {
		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};
	private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofSeconds(60));

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed("director", "10.0.0.7");
		}
	}

	@Test
	void aTypoOrTwoCostNothing() {
		fail(3);
		assertThat(throttle.waitFor("director", "10.0.0.7")).isZero();
	}

	@Test
	void thenEachFailureDoublesTheWaitUpToTheLimit() {
		fail(4);
		assertThat(throttle.waitFor("director", "10.0.0.7")).isEqualTo(Duration.ofSeconds(1));
		fail(1);
		assertThat(throttle.waitFor("director", "10.0.0.7")).isEqualTo(Duration.ofSeconds(2));
		fail(100);
		assertThat(throttle.waitFor("director", "10.0.0.7")).isEqualTo(Duration.ofSeconds(60));
		now = now.plusSeconds(61);
		assertThat(throttle.waitFor("director", "10.0.0.7")).as("never locked out for more than a minute").isZero();
	}

	@Test
	void anotherAddressOrUserIsNotSlowedAndASuccessForgets() {
		fail(20);
		assertThat(throttle.waitFor("director", "10.0.0.8")).isZero();
		assertThat(throttle.waitFor("executive", "10.0.0.7")).isZero();
		throttle.succeeded("director", "10.0.0.7");
		assertThat(throttle.waitFor("director", "10.0.0.7")).isZero();
	}
}
