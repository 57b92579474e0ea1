package com.wholesaler.marketing.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.JsonBody;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.WorkingCalendar;

/**
 * Every path of monthly-report.bpmn: a day that is not the month's first working day ends at once; on
 * the first working day last month's pack is opened, compiled by the general administrator, returned by
 * the director, compiled again, approved, and read by the executive. The workbook is kept as compiled.
 */
@IntegrationTest
class MonthlyReportProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@Autowired
	ReportPacks packs;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;


	@BeforeEach
	void useEngine() {
		init(engine);
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	@Test
	void notTheFirstWorkingDayEndsAtOnce() {
		LocalDate first = calendar.onOrNextWorkingDay(LocalDate.now(BusinessTime.ZONE).withDayOfMonth(1));
		at(first.plusDays(1));
		long before = packs.all().size();
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(ReportPacks.PROCESS_ID);
		assertThat(instance).isEnded().hasPassed("Event_NotFirstWorkingDay");
		assertThat(packs.all()).hasSize((int) before);
	}

	@Test
	void compiledReturnedCompiledAgainApprovedAndRead() throws Exception {
		LocalDate first = calendar.onOrNextWorkingDay(LocalDate.now(BusinessTime.ZONE).withDayOfMonth(1));
		YearMonth month = YearMonth.from(first).minusMonths(1);
		at(first);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(ReportPacks.PROCESS_ID);
		String number = "MR-" + month;
		assertThat(instance).isWaitingAt("Task_CompilePack");
		assertThat(instance.getBusinessKey()).isEqualTo(number);
		assertThat(runtimeService.startProcessInstanceByKey(ReportPacks.PROCESS_ID)).as("one pack a month").isEnded()
				.hasPassed("Event_NotFirstWorkingDay");
		ClockUtil.reset();

		Task compile = task(instance);
		assertThat(taskService.getVariableLocal(compile.getId(), "packUrl")).isEqualTo("/reports/packs/" + number);
		assertThat(complete("director", compile, Map.of("summary", "x")).getStatusCode()).as("not the director's step")
				.isNotEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> empty = complete("genadmin", compile, Map.of("summary", "  "));
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody()).contains("請寫明本月情況的分析和建議");
		assertThat(packs.pack(number).hasWorkbook()).isFalse();
		assertThat(complete("genadmin", compile, Map.of("summary", "本月銷量平穩，一類煙偏緊，建議增加中華(硬)合同量。")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_ReviewPack");
		assertThat(packs.pack(number).status()).isEqualTo(ReportPacks.Status.SUBMITTED);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(packs.keptWorkbook(number)))) {
			assertThat(book.getSheetName(0)).isEqualTo("摘要");
			assertThat(List.of("購銷存", "存銷比", "每週可銷天數", "貨源狀態", "貨源狀態判定規則", "需求按檔位", "需求按區域", "需求按檔位和區域",
					"品牌排名", "價類內份額", "客戶分群", "客戶按檔位", "流失預警客戶")).allSatisfy(name -> assertThat(book.getSheet(name)).as(name).isNotNull());
			assertThat(book.getSheet("摘要").getRow(0).getCell(1).getStringCellValue()).isEqualTo(month.toString());
			long sold = new org.springframework.jdbc.core.JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource()).queryForObject(
					"SELECT COALESCE(SUM(cartons), 0) FROM daily_sales WHERE sales_date BETWEEN ? AND ?", Long.class, month.atDay(1), month.atEndOfMonth());
			assertThat(book.getSheet("摘要").getRow(1).getCell(1).getStringCellValue()).startsWith("%,d".formatted(sold));
			assertThat(book.getSheet("摘要").getRow(12).getCell(1).getStringCellValue()).contains("建議增加中華(硬)合同量");
		}

		ResponseEntity<String> noComment = complete("director", task(instance), Map.of("decision", "RETURN"));
		assertThat(noComment.getBody()).contains("必須填寫審核意見");
		assertThat(complete("director", task(instance), Map.of("decision", "RETURN", "comment", "請補充缺貨規格的分析")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_CompilePack");
		assertThat(complete("genadmin", task(instance), Map.of("summary", "本月銷量平穩；缺貨 3 個規格，已啟動替代方案。")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(complete("director", task(instance), Map.of("decision", "APPROVE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isWaitingAt("Task_ReadPack");
		assertThat(packs.pack(number).status()).isEqualTo(ReportPacks.Status.SENT);
		assertThat(complete("executive", task(instance), Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(instance).isEnded().hasPassed("Event_PackRead");
		assertThat(packs.pack(number).status()).isEqualTo(ReportPacks.Status.READ);
		assertThat(packs.history(number)).extracting(e -> e.type().name())
				.containsExactly("CREATE", "SUBMIT", "RETURN", "RESUBMIT", "APPROVE", "ACKNOWLEDGE");

		String list = page("/reports/packs");
		assertThat(list).contains(number).contains("分管領導已閱");
		assertThat(page("/reports/packs/" + number)).contains("缺貨 3 個規格").contains("請補充缺貨規格的分析");
		byte[] kept = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/reports/packs/" + number + ".xlsx")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("executive")
						.authorities(() -> "executive")))
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(kept).isEqualTo(packs.keptWorkbook(number));
	}

	@Test
	void whoCompilesNeverReviewsTheirOwnPack() {
		// next month's first working day opens this month's pack
		LocalDate first = calendar.onOrNextWorkingDay(LocalDate.now(BusinessTime.ZONE).withDayOfMonth(1).plusMonths(1));
		at(first);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(ReportPacks.PROCESS_ID);
		ClockUtil.reset();
		String number = instance.getBusinessKey();
		List<String> both = List.of("generalAdmin", "centerDirector");
		ActingUsers.as(identityService, "genadmin", both, () -> {
			taskService.complete(task(instance).getId(), Map.of("summary", "本月匯總"));
			return null;
		});
		Task review = task(instance);
		ActingUsers.as(identityService, "genadmin", both, () -> {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("decision", "APPROVE")))
					.hasMessageContaining("不能審批自己的");
			return null;
		});
		assertThat(packs.pack(number).status()).isEqualTo(ReportPacks.Status.SUBMITTED);
		runtimeService.deleteProcessInstance(instance.getId(), "test done");
	}

	private void at(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(8, 0).atZone(BusinessTime.ZONE).toInstant()));
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private String page(String path) {
		try {
			return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("director")
							.authorities(() -> "centerDirector")))
					.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private ResponseEntity<String> complete(String user, Task task, Map<String, Object> answers) {
		return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", JsonBody.variables(answers),
				String.class);
	}
}
