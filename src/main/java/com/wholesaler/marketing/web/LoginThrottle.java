package com.wholesaler.marketing.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down repeated wrong passwords per user and address, for the portal's login and the REST
 * API's HTTP Basic alike, and logs them. Not the engine's lockout, which locks the account itself
 * after ten failures until an administrator unlocks it: anyone could lock the director out by
 * typing wrong passwords. Here the right password from the same address waits at most
 * {@code marketing.login.max-delay} (a minute), and other addresses are not slowed at all.
 */
@Component
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
	/** Attempts that cost nothing: a typo or two. */
	private static final int FREE_FAILURES = 3;
	/** Bounds the memory a flood of made-up names can take; such a flood is then only logged. */
	private static final int MAX_TRACKED = 10_000;

	private final Clock clock;
	private final Duration maxDelay;
	private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

	private record Key(String user, String address) {
	}

	private record Failures(int count, Instant until) {
	}

	public LoginThrottle(Clock clock, @Value("${marketing.login.max-delay:60s}") Duration maxDelay) {
		this.clock = clock;
		this.maxDelay = maxDelay;
	}

	/** How long this user from this address must still wait before the password is checked again. */
	public Duration waitFor(String user, String address) {
		Failures f = failures.get(new Key(user, address));
		if (f == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(clock.instant(), f.until());
		return left.isNegative() ? Duration.ZERO : left;
	}

	public void failed(String user, String address) {
		Key key = new Key(user, address);
		if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
			forgetExpired();
		}
		Failures f = failures.size() >= MAX_TRACKED && !failures.containsKey(key) ? null
				: failures.merge(key, new Failures(1, clock.instant()), (old, one) -> next(old.count() + 1));
		int count = f == null ? 0 : f.count();
		log.warn("Wrong password for user '{}' from {} ({} in a row)", user, address, count);
	}

	public void succeeded(String user, String address) {
		failures.remove(new Key(user, address));
	}

	private Failures next(int count) {
		if (count <= FREE_FAILURES) {
			return new Failures(count, clock.instant());
		}
		long seconds = 1L << Math.min(20, count - FREE_FAILURES - 1);
		Duration delay = Duration.ofSeconds(seconds).compareTo(maxDelay) > 0 ? maxDelay : Duration.ofSeconds(seconds);
		return new Failures(count, clock.instant().plus(delay));
	}

	private void forgetExpired() {
		Instant longAgo = clock.instant().minus(maxDelay.multipliedBy(10));
		failures.entrySet().removeIf(e -> e.getValue().until().isBefore(longAgo));
	}
}
