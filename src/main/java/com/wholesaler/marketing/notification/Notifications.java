package com.wholesaler.marketing.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * Who is told what: each notification is written to an outbox in the transaction of what caused it
 * (a new task, a reminder, a return), so a crash loses none and a rolled-back decision tells nobody;
 * what one transaction tells the same person several times of one kind becomes one message;
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

	/**
	 * Tells each of the users, as each prefers; a user who turned the kind off is not told. Written
	 * when the transaction commits, together with the transaction's other notices: several of one
	 * kind for the same user become one message.
	 */
	public void tell(Collection<String> users, NotificationKind kind, String subject, String body, String link) {
		Message message = new Message(subject, body, link);
		Pending pending = pending();
		users.stream().distinct().forEach(user -> pending.toUsers.computeIfAbsent(kind, k -> new LinkedHashMap<>())
				.computeIfAbsent(user, u -> new ArrayList<>()).add(message));
		pending.writeIfCommitting();
	}

	/** A message to a role's group chat (a WeCom or DingTalk robot), where one is configured; grouped like {@link #tell}. */
	public void tellGroup(String groupId, NotificationKind kind, String subject, String body, String link) {
		if (settings.webhooks().containsKey(groupId)) {
			Pending pending = pending();
			pending.toGroups.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(groupId, g -> new ArrayList<>())
					.add(new Message(subject, body, link));
			pending.writeIfCommitting();
		}
	}

	/** The notices of the running transaction (this service is transactional, so there always is one). */
	private Pending pending() {
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		return pending;
	}

	/** A transaction's notices by kind and reader, written to the outbox just before it commits, in one batch. */
	private final class Pending implements TransactionSynchronization {
		private final Map<NotificationKind, Map<String, List<Message>>> toUsers = new EnumMap<>(NotificationKind.class);
		private final Map<NotificationKind, Map<String, List<Message>>> toGroups = new EnumMap<>(NotificationKind.class);

		private boolean committing;

		@Override
		public void beforeCommit(boolean readOnly) {
			committing = true;
			write();
		}

		/** A notice told while the transaction is already committing (by another synchronization) is written at once. */
		void writeIfCommitting() {
			if (committing) {
				write();
			}
		}

		private void write() {
			Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).withNano(0));
			List<Object[]> rows = new ArrayList<>();
			toUsers.forEach((kind, byUser) -> {
				Map<String, Delivery> chosen = new HashMap<>();
				jdbc.sql("SELECT user_id, delivery FROM notification_preference WHERE kind = :k AND user_id IN (:users)").param("k", kind.name())
						.param("users", byUser.keySet()).query((rs, i) -> Map.entry(rs.getString("user_id"), Delivery.valueOf(rs.getString("delivery"))))
						.list().forEach(e -> chosen.put(e.getKey(), e.getValue()));
				byUser.forEach((user, messages) -> {
					Delivery delivery = chosen.getOrDefault(user, Delivery.ON);
					if (delivery != Delivery.OFF) {
						rows.add(row(user, null, kind, Message.together(messages), delivery == Delivery.DIGEST, now));
					}
				});
			});
			toGroups.forEach((kind, byGroup) -> byGroup.forEach((group, messages) ->
					rows.add(row(null, group, kind, Message.together(messages), false, now))));
			if (!rows.isEmpty()) {
				template.batchUpdate("""
						INSERT INTO notification (recipient, group_id, kind, subject, body, link, digest, created_at, attempts)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
			}
			toUsers.clear();
			toGroups.clear();
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(Notifications.this);
		}

		private static Object[] row(String user, String group, NotificationKind kind, Message m, boolean digest, Timestamp at) {
			return new Object[] {user, group, kind.name(), cut(m.subject(), 200), cut(m.body(), Message.BODY_LIMIT), cut(m.link(), 500), digest, at};
		}
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
