package com.wholesaler.marketing.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * Who is told what: each notification is written to an outbox in the transaction of what caused it
 * (a new task, a reminder, a return), so a crash loses none and a rolled-back decision tells nobody;
 * the Postman sends them afterwards. Each user chooses per kind: at once, in the 08:30 digest, or not.
 */
@Service
@Transactional
public class Notifications {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Clock clock;
	private final Postman.Settings settings;

	Notifications(JdbcClient jdbc, JdbcTemplate template, Clock clock, Postman.Settings settings) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
		this.settings = settings;
	}

	/** Tells each of the users, as each prefers; a user who turned the kind off is not told. */
	public void tell(Collection<String> users, NotificationKind kind, String subject, String body, String link) {
		if (users.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).withNano(0));
		Map<String, Delivery> chosen = new java.util.HashMap<>();
		jdbc.sql("SELECT user_id, delivery FROM notification_preference WHERE kind = :k AND user_id IN (:users)").param("k", kind.name())
				.param("users", Set.copyOf(users)).query((rs, i) -> Map.entry(rs.getString("user_id"), Delivery.valueOf(rs.getString("delivery"))))
				.list().forEach(e -> chosen.put(e.getKey(), e.getValue()));
		List<String> told = Set.copyOf(users).stream().filter(user -> chosen.getOrDefault(user, Delivery.ON) != Delivery.OFF).sorted().toList();
		if (told.isEmpty()) {
			return;
		}
		// one batch for a whole group: a task for a role with many members is one round trip, not one per member
		template.batchUpdate("""
				INSERT INTO notification (recipient, kind, subject, body, link, digest, created_at, attempts)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0)""", told, 100, (ps, user) -> {
					ps.setString(1, user);
					ps.setString(2, kind.name());
					ps.setString(3, cut(subject, 200));
					ps.setString(4, cut(body, 2000));
					ps.setString(5, cut(link, 500));
					ps.setBoolean(6, chosen.getOrDefault(user, Delivery.ON) == Delivery.DIGEST);
					ps.setTimestamp(7, now);
				});
	}

	/** A message to a role's group chat (a WeCom or DingTalk robot), where one is configured. */
	public void tellGroup(String groupId, NotificationKind kind, String subject, String body, String link) {
		if (!settings.webhooks().containsKey(groupId)) {
			return;
		}
		jdbc.sql("""
				INSERT INTO notification (group_id, kind, subject, body, link, digest, created_at, attempts)
				VALUES (:g, :k, :s, :b, :l, FALSE, :at, 0)""").param("g", groupId).param("k", kind.name()).param("s", cut(subject, 200))
				.param("b", cut(body, 2000)).param("l", cut(link, 500)).param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0)))
				.update();
	}

	@Transactional(readOnly = true)
	public Map<NotificationKind, Delivery> preferences(String user) {
		Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			chosen.put(kind, Delivery.ON);
		}
		jdbc.sql("SELECT kind, delivery FROM notification_preference WHERE user_id = :u").param("u", user)
				.query((rs, i) -> Map.entry(NotificationKind.valueOf(rs.getString("kind")), Delivery.valueOf(rs.getString("delivery"))))
				.list().forEach(e -> chosen.put(e.getKey(), e.getValue()));
		return chosen;
	}

	public void choose(String user, Map<String, String> choices) {
		for (Map.Entry<String, String> choice : choices.entrySet()) {
			NotificationKind kind;
			Delivery delivery;
			try {
				kind = NotificationKind.valueOf(choice.getKey());
				delivery = Delivery.valueOf(choice.getValue());
			}
			catch (IllegalArgumentException e) {
				throw new BusinessRuleException("沒有這種通知或方式：%s = %s (unknown kind or delivery)".formatted(choice.getKey(), choice.getValue()));
			}
			jdbc.sql("DELETE FROM notification_preference WHERE user_id = :u AND kind = :k").param("u", user).param("k", kind.name()).update();
			jdbc.sql("INSERT INTO notification_preference (user_id, kind, delivery) VALUES (:u, :k, :d)")
					.param("u", user).param("k", kind.name()).param("d", delivery.name()).update();
		}
	}

	private static String cut(String text, int limit) {
		return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
	}
}
