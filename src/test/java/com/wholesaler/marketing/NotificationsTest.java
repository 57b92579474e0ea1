package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import com.wholesaler.marketing.notification.Notifications;
import com.wholesaler.marketing.notification.Postman;

import jakarta.mail.internet.MimeMessage;

/** A new task, a return and a group robot, sent for real: to an SMTP server (GreenMail) and a local HTTP endpoint. */
@IntegrationTest
class NotificationsTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "localhost", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	Postman postman;

	@Autowired
	Notifications notifications;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void defaults() {
		jdbc.update("DELETE FROM notification_preference");
	}

	private void complete(String instanceId, String user, String group, Map<String, Object> variables) {
		String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		ActingUsers.as(identityService, user, List.of(group), () -> taskService.complete(taskId, variables));
	}

	private void sendAll() {
		while (postman.sendDue() > 0) {
			// pages of 200, older first: notices of other tests go out too
		}
	}

	private static List<MimeMessage> to(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aNewTaskMailsItsRoleAndPostsToItsGroupRobotAndAReturnGoesInTheDrafterDigest() throws Exception {
		List<String> robot = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 3026), 0);
		server.createContext("/robot/generalAdmin", exchange -> {
			robot.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			sendAll();
			smtp.purgeEmailFromAllMailboxes();
			robot.clear();
			notifications.choose("supply", Map.of("RETURNED", "DIGEST", "NEW_TASK", "OFF"));

			String id = ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService.startProcessInstanceByKey(
					"purchasePlanApproval", Map.of("period", YearMonth.now().plusMonths(1).toString(), "note", "通知測試"))).getId();
			String plan = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
			complete(id, "supply", "supplyManager", Map.of("draftAction", "SUBMIT"));
			sendAll();

			// the step's name as the deployed model calls it (another test deploys a renamed version)
			assertThat(to("genadmin@marketing.example")).extracting(NotificationsTest::subject)
					.anySatisfy(subject -> assertThat(subject).startsWith("【新任務】綜合審核").endsWith(" · " + plan));
			assertThat(GreenMailUtil.getBody(to("genadmin@marketing.example").get(0))).isNotBlank();
			assertThat(to("supply@marketing.example")).as("the drafter turned new tasks off").isEmpty();
			assertThat(robot).anySatisfy(body -> assertThat(body).contains("\"msgtype\":\"text\"").contains("綜合審核").contains(plan));

			complete(id, "genadmin", "generalAdmin", Map.of("decision", "RETURN", "comment", "請補充新品首單數量"));
			sendAll();
			assertThat(to("supply@marketing.example")).as("the return waits for the digest").isEmpty();
			assertThat(postman.sendDigests()).isPositive();
			List<MimeMessage> digest = to("supply@marketing.example");
			assertThat(digest).hasSize(1);
			assertThat(subject(digest.get(0))).startsWith("【每日匯總】");
			assertThat(GreenMailUtil.getBody(digest.get(0))).isNotBlank();
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = 'supply' AND kind = 'RETURNED' AND digest = TRUE"
					+ " AND sent_at IS NOT NULL AND subject LIKE ?", Integer.class, "%" + plan + "%")).as("sent once, in the digest").isEqualTo(1);
		}
		finally {
			server.stop(0);
		}
	}
}
