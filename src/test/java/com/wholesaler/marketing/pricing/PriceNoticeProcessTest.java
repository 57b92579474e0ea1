package com.wholesaler.marketing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.JsonBody;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.catalog.ProductStock;

/**
 * Every path of price-notice.bpmn: returned for correction, corrected, confirmed, applied on its date (a
 * price change and a product new to the catalog) and acknowledged by the three departments; returned and
 * withdrawn. What an entry must be is refused through the REST API as Tasklist sends it.
 */
@IntegrationTest
class PriceNoticeProcessTest {

	/** Each test takes products no other notice or proposal holds. */
	private static final AtomicInteger NEXT_PRODUCT = new AtomicInteger(320);

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	PriceNotices notices;

	@Autowired
	Catalog catalog;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@Test
	void correctedConfirmedAndAppliedOnItsDateWithANewProduct() throws Exception {
		Product p = freshProduct();
		BigDecimal wholesale = p.wholesalePrice().add(new BigDecimal("4.00"));
		BigDecimal retail = p.retailPrice().add(new BigDecimal("5.00"));
		LocalDate effective = LocalDate.now(clock).plusDays(3);
		Map<String, Object> entry = entry("國煙價〔2026〕" + p.code() + " 號", effective,
				"%s %s %s".formatted(p.code(), wholesale, retail.add(BigDecimal.TEN)),
				jdbc.queryForObject("SELECT name FROM manufacturer WHERE code = 'M05'", String.class) + " 芙蓉王 通知新品(硬) 70.00 95.00 108.00");
		ProcessInstance instance = start(entry);
		String number = instance.getBusinessKey();
		assertThat(number).matches("PN-\\d{4}-\\d{4}");
		assertThat(instance).isWaitingAt("Task_ReviewNotice");
		assertThat(notices.lines(number)).hasSize(2).anySatisfy(l -> assertThat(l.newProduct()).isTrue());

		assertThat(complete("brandhead", task(instance), Map.of("decision", "RETURN")).getBody()).contains("意見");
		assertThat(complete("genadmin", task(instance), Map.of("decision", "APPROVE")).getStatusCode()).as("not the checker's role")
				.isNotEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("brandhead", task(instance), Map.of("decision", "RETURN", "comment", "零售價與原件不符")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_CorrectNotice");
		assertThat(task(instance).getAssignee()).isEqualTo("genadmin");
		assertThat(taskService.getVariable(task(instance).getId(), "lines").toString()).contains(p.code());
		Map<String, Object> corrected = new HashMap<>(entry);
		corrected.put("lines", "%s %s %s".formatted(p.code(), wholesale, retail));
		corrected.put("reviseAction", "RESUBMIT");
		assertThat(complete("genadmin", task(instance), corrected).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_ReviewNotice");
		assertThat(complete("brandhead", task(instance), Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Event_EffectiveDate");
		assertThat(catalog.product(p.code()).orElseThrow().wholesalePrice()).as("nothing changes before the date").isEqualByComparingTo(p.wholesalePrice());

		String newCode = null;
		try {
			execute(job("Event_EffectiveDate", instance));
			assertThat(catalog.product(p.code()).orElseThrow()).satisfies(now -> {
				assertThat(now.wholesalePrice()).isEqualByComparingTo(wholesale);
				assertThat(now.retailPrice()).isEqualByComparingTo(retail);
			});
			assertThat(jdbc.queryForObject("SELECT valid_from FROM product_price WHERE product_code = ? AND proposal_number = ?", java.sql.Date.class,
					p.code(), number).toLocalDate()).isEqualTo(effective);
			newCode = notices.lines(number).stream().filter(PriceNotices.Line::newProduct).findFirst().orElseThrow().productCode();
			assertThat(catalog.product(newCode)).get().satisfies(n -> {
				assertThat(n.name()).isEqualTo("通知新品(硬)");
				assertThat(n.manufacturerCode()).isEqualTo("M05");
				assertThat(n.retailPrice()).isEqualByComparingTo("108.00");
			});
			assertThat(catalog.newProductCodes()).contains(newCode);
			assertThat(catalog.pendingFirstOrders()).as("a notice brings no volume").doesNotContainKey(newCode);
			assertThat(notices.notice(number).status()).isEqualTo(PriceNotices.Status.EFFECTIVE);
			mvc.perform(get("/prices/notices/" + number).with(user("clerk1").authorities(() -> "phoneClerk"))).andExpect(status().isOk())
					.andExpect(content().string(containsString("國煙價〔2026〕" + p.code())))
					.andExpect(content().string(containsString(newCode + " 通知新品(硬)")))
					.andExpect(content().string(containsString("已生效")));
			mvc.perform(get("/prices/notices").with(user("clerk1").authorities(() -> "phoneClerk"))).andExpect(status().isOk())
					.andExpect(content().string(containsString(number)));

			assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(3);
			for (String[] who : new String[][] {{"orderhead", "Task_AcknowledgeOrderDept"}, {"seatlead", "Task_AcknowledgeSeatLeader"},
					{"regional1", "Task_AcknowledgeRegional"}}) {
				Task ack = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(who[1]).singleResult();
				assertThat(complete(who[0], ack, Map.of("acknowledged", true)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			}
			assertThat(instance).isEnded().hasPassed("Event_NoticeEffective");
			assertThat(notices.history(number)).extracting(e -> e.type().name()).containsExactly("SUBMIT", "RETURN", "RESUBMIT", "APPROVE",
					"EFFECTIVE", "ACKNOWLEDGE", "ACKNOWLEDGE", "ACKNOWLEDGE");
		}
		finally {
			restore(p, number, newCode);
		}
	}

	@Test
	void returnedAndWithdrawn() {
		Product p = freshProduct();
		ProcessInstance instance = start(entry("撤回測試〔2026〕" + p.code(), LocalDate.now(clock).plusDays(1),
				"%s %s %s".formatted(p.code(), p.wholesalePrice(), p.retailPrice().add(BigDecimal.ONE)), ""));
		assertThat(complete("brandhead", task(instance), Map.of("decision", "RETURN", "comment", "此通知已被上級撤銷")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		// Tasklist sends the entry as the form shows it, filled in from the stored notice
		Map<String, Object> withdraw = new HashMap<>(taskService.getVariables(task(instance).getId(),
				List.of("reference", "effectiveDate", "lines", "newProducts")));
		withdraw.put("reviseAction", "WITHDRAW");
		assertThat(complete("brandhead", task(instance), withdraw).getStatusCode()).as("only who entered it").isNotEqualTo(HttpStatus.NO_CONTENT);
		withdraw.put("comment", "上級已撤銷");
		assertThat(complete("genadmin", task(instance), withdraw).getBody()).isNull();
		assertThat(instance).isEnded().hasPassed("Event_NoticeWithdrawn");
		assertThat(notices.notice(instance.getBusinessKey()).status()).isEqualTo(PriceNotices.Status.WITHDRAWN);
		assertThat(catalog.product(p.code()).orElseThrow().retailPrice()).isEqualByComparingTo(p.retailPrice());
	}

	@Test
	void whatAnEntryMustBe() {
		Product p = freshProduct();
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		String line = "%s %s %s".formatted(p.code(), p.wholesalePrice(), p.retailPrice());
		assertThat(startByRest("genadmin", entry("錯誤測試 1", tomorrow, "P9999 100 120", "")).getBody()).contains("找不到捲菸規格");
		assertThat(startByRest("genadmin", entry("錯誤測試 2", tomorrow, "%s %s %s".formatted(p.code(), p.retailPrice(), p.wholesalePrice()), ""))
				.getBody()).contains("調撥價 < 批發價 < 零售價");
		assertThat(startByRest("genadmin", entry("錯誤測試 3", tomorrow, "", "M99 某牌 某品 70 95 108")).getBody()).contains("找不到工業企業");
		String existing = jdbc.queryForObject("SELECT name FROM product WHERE status = 'ACTIVE' ORDER BY code FETCH FIRST 1 ROWS ONLY", String.class);
		assertThat(startByRest("genadmin", entry("錯誤測試 4", tomorrow, "", "M05 芙蓉王 " + existing + " 70 95 108")).getBody())
				.contains("目錄中已有規格");
		assertThat(startByRest("genadmin", entry("錯誤測試 5", tomorrow, "", "")).getBody()).contains("至少應有一個規格");
		assertThat(startByRest("genadmin", entry("錯誤測試 6", LocalDate.now(clock).minusDays(1), line, "")).getBody()).contains("生效日期");
		assertThat(startByRest("genadmin", entry("錯誤測試 7", tomorrow, line + "\n" + line, "")).getBody()).contains("填了兩次");
		assertThat(startByRest("supply", entry("錯誤測試 8", tomorrow, line, "")).getStatusCode()).as("not the general administrator")
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(startByRest("genadmin", entry("錯誤測試 1", tomorrow, "P9999 100 120", "")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		ProcessInstance first = start(entry("重複文號〔2026〕1 號", tomorrow, line, ""));
		assertThat(startByRest("genadmin", entry("重複文號〔2026〕1 號", tomorrow, "", "M05 芙蓉王 重複文號品 70 95 108")).getBody())
				.as("the same document entered twice").contains("不能重複錄入");
		assertThat(startByRest("genadmin", entry("另一文號", tomorrow, line, "")).getBody()).as("one open notice per product")
				.contains("另一份未生效的上級通知");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM price_notice WHERE reference LIKE '錯誤測試%' OR reference = '另一文號'", Long.class))
				.as("a refused entry leaves nothing").isZero();
		runtimeService.deleteProcessInstance(first.getId(), "test done");
		jdbc.update("UPDATE price_notice SET status = 'WITHDRAWN' WHERE notice_number = ?", first.getBusinessKey());
	}

	private Product freshProduct() {
		List<Product> active = catalog.stockPositions().stream().map(ProductStock::product).filter(Product::isActive).toList();
		return active.get(NEXT_PRODUCT.getAndIncrement() % active.size());
	}

	private static Map<String, Object> entry(String reference, LocalDate effective, String lines, String newProducts) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("reference", reference);
		form.put("effectiveDate", effective.toString());
		form.put("lines", lines);
		form.put("newProducts", newProducts);
		return form;
	}

	private ProcessInstance start(Map<String, Object> form) {
		return ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"),
				() -> runtimeService.startProcessInstanceByKey(PriceNotices.PROCESS_ID, form));
	}

	private ResponseEntity<String> startByRest(String user, Map<String, Object> form) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/" + PriceNotices.PROCESS_ID + "/submit-form",
				JsonBody.variables(form), String.class);
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers),
				String.class);
	}

	/** The shared context's catalog keeps its demo prices and products. */
	private void restore(Product p, String number, String newCode) {
		jdbc.update("DELETE FROM product_price WHERE product_code = ? AND proposal_number = ?", p.code(), number);
		jdbc.update("UPDATE product_price SET valid_to = NULL WHERE product_code = ? AND valid_to = (SELECT MAX(valid_to) FROM product_price WHERE product_code = ?)",
				p.code(), p.code());
		jdbc.update("UPDATE product SET allocation_price = ?, wholesale_price = ?, retail_price = ? WHERE code = ?", p.allocationPrice(),
				p.wholesalePrice(), p.retailPrice(), p.code());
		if (newCode != null) {
			jdbc.update("UPDATE price_notice_line SET product_code = NULL WHERE product_code = ?", newCode);
			jdbc.update("DELETE FROM product_price WHERE product_code = ?", newCode);
			jdbc.update("DELETE FROM stock WHERE product_code = ?", newCode);
			jdbc.update("DELETE FROM product WHERE code = ?", newCode);
		}
	}
}
