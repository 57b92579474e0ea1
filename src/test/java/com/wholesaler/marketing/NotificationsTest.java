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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import com.wholesaler.marketing.notification.NotificationKind;
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

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void whatOneTransactionTellsAPersonSeveralTimesIsOneMessageAndARolledBackOneTellsNobody() {
		String marker = "合併測試-" + System.nanoTime();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			for (int i = 1; i <= 3; i++) {
				notifications.tell(List.of("genadmin", "brandhead"), NotificationKind.NEW_TASK, "【新任務】擬制購銷合同 · %s-%d".formatted(marker, i),
						"購銷合同：擬制購銷合同 等待處理。", "/camunda/app/tasklist/default/#/?task=" + marker + i);
			}
			notifications.tell(List.of("genadmin"), NotificationKind.RETURNED, "【退回修改】" + marker, "退回", "/camunda/app/tasklist/default/");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE subject LIKE ?", Integer.class, "%" + marker + "%"))
					.as("written when the transaction commits").isZero();
		});
		List<Map<String, Object>> rows = jdbc.queryForList(
				"SELECT recipient, kind, subject, body, link FROM notification WHERE subject LIKE ? ORDER BY recipient, kind", "%" + marker + "%");
		assertThat(rows).extracting(r -> r.get("recipient") + " " + r.get("kind"))
				.containsExactly("brandhead NEW_TASK", "genadmin NEW_TASK", "genadmin RETURNED");
		Map<String, Object> tasks = rows.get(1);
		assertThat((String) tasks.get("subject")).isEqualTo("【新任務】擬制購銷合同 · %s-1 等 3 項".formatted(marker));
		assertThat(((String) tasks.get("body")).lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("・【新任務】擬制購銷合同 · " + marker));
		assertThat(tasks.get("link")).as("several tasks: the portal's start page").isEqualTo("/");
		assertThat(rows.get(2).get("link")).isEqualTo("/camunda/app/tasklist/default/");

		tx.executeWithoutResult(status -> {
			notifications.tell(List.of("genadmin"), NotificationKind.NEW_TASK, "【新任務】回滾 · " + marker, "回滾", "/");
			status.setRollbackOnly();
		});
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE subject LIKE ?", Integer.class, "%回滾 · " + marker + "%"))
				.as("a rolled-back transaction tells nobody").isZero();
	}
}
