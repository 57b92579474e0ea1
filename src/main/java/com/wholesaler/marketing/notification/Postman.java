package com.wholesaler.marketing.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends what the outbox holds: a person's notification by mail (when a mail server is configured,
 * spring.mail.*), a role's by a post to its group robot (WeCom or DingTalk, marketing.notify.webhooks);
 * at once every few seconds, and the digests at 08:30. A node takes each notification before sending
 * it, so a cluster sends it once; a failure is retried up to five times and kept with its error.
 */
@Component
@EnableConfigurationProperties(Postman.Settings.class)
public class Postman {

	private static final Logger log = LoggerFactory.getLogger(Postman.class);
	private static final int ATTEMPTS = 5;

	@ConfigurationProperties("marketing.notify")
	public record Settings(Boolean send, String from, String baseUrl, Map<String, String> webhooks) {

		public Settings {
			send = send == null || send;
			from = from == null ? "marketing-center@marketing.example" : from;
			baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/$", "");
			webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
		}
	}

	private record Item(long id, String recipient, String groupId, String subject, String body, String link) {
	}

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> mail;
	private final IdentityService identityService;
	private final Settings settings;
	private final RestClient http;
	private final Clock clock;

	Postman(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, IdentityService identityService, Settings settings,
			RestClient.Builder http, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.identityService = identityService;
		this.settings = settings;
		this.http = http.build();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${marketing.notify.every:PT15S}", initialDelayString = "${marketing.notify.every:PT15S}")
	void everyFewSeconds() {
		if (settings.send()) {
			sendDue();
		}
	}

	@Scheduled(cron = "0 30 8 * * *", zone = "Asia/Shanghai")
	void atHalfPastEight() {
		if (settings.send()) {
			sendDigests();
		}
	}

	/** Sends the notifications due at once; returns how many went out. */
	public int sendDue() {
		int sent = 0;
		for (Item item : jdbc.sql("""
				SELECT id, recipient, group_id, subject, body, link FROM notification
				WHERE sent_at IS NULL AND digest = FALSE AND attempts < :max AND (recipient IS NULL OR :mail = TRUE)
				ORDER BY id FETCH FIRST 200 ROWS ONLY""")
				.param("max", ATTEMPTS).param("mail", mail.getIfAvailable() != null).query((rs, i) -> new Item(rs.getLong("id"), rs.getString("recipient"), rs.getString("group_id"),
						rs.getString("subject"), rs.getString("body"), rs.getString("link"))).list()) {
			if (!claim(item.id())) {
				continue;
			}
			try {
				if (item.recipient() != null) {
					mailTo(item.recipient(), item.subject(), item.body() + "\n\n" + settings.baseUrl() + item.link());
				}
				else {
					post(item.groupId(), item.subject() + "\n" + item.body() + "\n" + settings.baseUrl() + item.link());
				}
				done(List.of(item.id()));
				sent++;
			}
			catch (RuntimeException e) {
				failed(item.id(), e);
			}
		}
		return sent;
	}

	/** One mail per person with what they chose to hear of once a day; returns how many mails went out. */
	public int sendDigests() {
		if (mail.getIfAvailable() == null) {
			return 0;
		}
		Map<String, List<Item>> perUser = jdbc.sql("""
				SELECT id, recipient, group_id, subject, body, link FROM notification
				WHERE sent_at IS NULL AND digest = TRUE AND attempts < :max ORDER BY recipient, id""").param("max", ATTEMPTS)
				.query((rs, i) -> new Item(rs.getLong("id"), rs.getString("recipient"), null, rs.getString("subject"), rs.getString("body"),
						rs.getString("link"))).list().stream().collect(Collectors.groupingBy(Item::recipient));
		int sent = 0;
		for (Map.Entry<String, List<Item>> user : perUser.entrySet()) {
			List<Item> items = user.getValue().stream().filter(i -> claim(i.id())).toList();
			if (items.isEmpty()) {
				continue;
			}
			String text = items.stream().map(i -> "· " + i.subject() + "\n  " + i.body() + "\n  " + settings.baseUrl() + i.link())
					.collect(Collectors.joining("\n"));
			try {
				mailTo(user.getKey(), "【每日匯總】%d 項待辦與通知".formatted(items.size()), text);
				done(items.stream().map(Item::id).toList());
				sent++;
			}
			catch (RuntimeException e) {
				items.forEach(i -> failed(i.id(), e));
			}
		}
		return sent;
	}

	private void mailTo(String userId, String subject, String text) {
		JavaMailSender sender = mail.getIfAvailable();
		User user = identityService.createUserQuery().userId(userId).singleResult();
		if (sender == null || user == null || user.getEmail() == null || user.getEmail().isBlank()) {
			// no mail server, or no address: the notification stays on the record as not sendable
			throw new IllegalStateException(sender == null ? "no mail server configured (spring.mail.host)" : "no e-mail address for " + userId);
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.from());
		message.setTo(user.getEmail());
		message.setSubject(subject);
		message.setText(text);
		sender.send(message);
	}

	/** WeCom and DingTalk group robots take the same text message. */
	private void post(String groupId, String text) {
		String url = settings.webhooks().get(groupId);
		if (url == null) {
			throw new IllegalStateException("no group robot configured for " + groupId);
		}
		http.post().uri(url).contentType(MediaType.APPLICATION_JSON).body(Map.of("msgtype", "text", "text", Map.of("content", text)))
				.retrieve().toBodilessEntity();
	}

	private boolean claim(long id) {
		Timestamp now = now();
		return jdbc.sql("""
				UPDATE notification SET claimed_at = :now, attempts = attempts + 1
				WHERE id = :id AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < :stale)""")
				.param("now", now).param("id", id).param("stale", Timestamp.valueOf(now.toLocalDateTime().minusMinutes(10))).update() == 1;
	}

	private void done(List<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("UPDATE notification SET sent_at = :now WHERE id IN (:ids)").param("now", now()).param("ids", ids).update();
		}
	}

	private void failed(long id, RuntimeException e) {
		log.warn("Notification {} not sent: {}", id, e.getMessage());
		String error = String.valueOf(e.getMessage());
		jdbc.sql("UPDATE notification SET claimed_at = NULL, last_error = :e WHERE id = :id")
				.param("e", error.length() > 500 ? error.substring(0, 500) : error).param("id", id).update();
	}

	private Timestamp now() {
		return Timestamp.valueOf(LocalDateTime.now(clock).withNano(0));
	}
}
