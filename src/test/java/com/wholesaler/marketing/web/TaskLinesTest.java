package com.wholesaler.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.PortalSession;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.contract.Contracts;

/** A contract drafted by hand gets its lines from the portal's table: a product found by name, each row checked first. */
@IntegrationTest
class TaskLinesTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	Catalog catalog;

	@Autowired
	Contracts contracts;

	@Test
	void aProductFoundByNameGoesIntoTheDraftAndARefusedRowChangesNothing() {
		// the start form takes the manufacturer by name as well
		ProcessInstance started = ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"),
				() -> runtimeService.startProcessInstanceByKey("contractSigning",
						Map.of("manufacturerCode", catalog.manufacturerNames().get("M24"), "period", YearMonth.now().plusMonths(1).toString(), "reason", "表格填寫測試")));
		String contract = started.getBusinessKey();
		assertThat(contracts.contract(contract).manufacturerCode()).isEqualTo("M24");
		Task draft = taskService.createTaskQuery().processInstanceId(started.getId()).taskDefinitionKey("Task_DraftContract").singleResult();
		Product product = catalog.productsOf("M24").get(0);
		String page = "/cases/" + contract + "/lines/lineChanges";

		PortalSession genadmin = PortalSession.signIn(port, "genadmin", "demo");
		var editor = genadmin.get(page);
		assertThat(editor.statusCode()).isEqualTo(200);
		assertThat(editor.body()).contains("合同明細的修改或新增", product.name());

		// a negative quantity: refused on its row, nothing saved
		var refused = genadmin.postForm(page, form(editor.body(), product.name(), "-5"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("數量必須是正整數");
		assertThat(taskService.getVariable(draft.getId(), "lineChanges")).isNull();

		// an unknown product: refused too
		var unknown = genadmin.postForm(page, form(editor.body(), "不存在的煙", "10"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("找不到規格「不存在的煙」");

		var saved = genadmin.postForm(page, form(editor.body(), product.name(), "480"));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(taskService.getVariable(draft.getId(), "lineChanges")).isEqualTo(product.code() + " 480");

		// the form submits what the table saved, as Tasklist would
		Map<String, Object> answers = Map.of("lineChanges", taskService.getVariable(draft.getId(), "lineChanges"), "paymentTerms", "托收承付");
		ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"), () -> taskService.complete(draft.getId(), answers));
		assertThat(contracts.lines(contract)).anySatisfy(line -> {
			assertThat(line.productCode()).isEqualTo(product.code());
			assertThat(line.cartons()).isEqualTo(480);
		});
	}

	@Test
	void nobodyElseWritesIntoTheTask() {
		ProcessInstance started = ActingUsers.as(identityService, "genadmin", List.of("generalAdmin"),
				() -> runtimeService.startProcessInstanceByKey("contractSigning",
						Map.of("manufacturerCode", "M25", "period", YearMonth.now().plusMonths(1).toString(), "reason", "表格填寫測試")));
		String contract = started.getBusinessKey();
		Task draft = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
		PortalSession clerk = PortalSession.signIn(port, "clerk1", "demo");
		var page = clerk.get("/cases/" + contract + "/lines/lineChanges");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("沒有等您填寫這些明細的任務");
		PortalSession genadmin = PortalSession.signIn(port, "genadmin", "demo");
		assertThat(genadmin.get("/cases/" + contract + "/lines/paymentTerms").statusCode()).isEqualTo(400);
		// with a token of the clerk's own session, from a page of theirs
		var posted = clerk.postForm("/cases/" + contract + "/lines/lineChanges", form(clerk.get("/stand-ins").body(), catalog.productsOf("M25").get(0).code(), "100"));
		assertThat(posted.statusCode()).isEqualTo(400);
		assertThat(taskService.getVariable(draft.getId(), "lineChanges")).isNull();
	}

	/** One row: product and quantity, the other columns empty, with the page's CSRF token. */
	private static String form(String page, String product, String cartons) {
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();
		return "_csrf=" + enc(csrf.group(1)) + "&product=" + enc(product) + "&c0=" + enc(cartons) + "&c1=&c2=";
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
