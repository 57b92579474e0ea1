package com.wholesaler.marketing.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.wholesaler.marketing.IntegrationTest;

/**
 * 主任工作台: the open work and the lead times agree with counts made here in SQL, an overdue task comes
 * first and can be urged (the urge is on the case's sheet), and only the directors see it.
 */
@IntegrationTest
class DirectorsDeskTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@Autowired
	OpenWork openWork;

	@Autowired
	LeadTimes leadTimes;

	@Autowired
	RulesPanel rules;

	@org.junit.jupiter.api.BeforeEach
	void aPlanInDraft() {
		if (taskService.createTaskQuery().processInstanceBusinessKeyLike("PP-%").count() > 0) {
			return;
		}
		String period = java.time.YearMonth.now(com.wholesaler.marketing.catalog.BusinessTime.ZONE).plusMonths(6).toString();
		com.wholesaler.marketing.ActingUsers.as(identityService, "supply", List.of("supplyManager"),
				() -> runtimeService.startProcessInstanceByKey("purchasePlanApproval", Map.of("period", period, "note", "工作台測試")));
	}

	@Test
	void theOpenWorkAndLeadTimesAgreeWithTheEnginesTables() {
		Map<String, Object> busiest = jdbc.queryForMap("""
				SELECT d.KEY_ AS k, t.TASK_DEF_KEY_ AS s, COUNT(*) AS n FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
				GROUP BY d.KEY_, t.TASK_DEF_KEY_ ORDER BY COUNT(*) DESC, d.KEY_, t.TASK_DEF_KEY_ FETCH FIRST 1 ROWS ONLY""");
		assertThat(openWork.byStep()).filteredOn(s -> s.processKey().equals(busiest.get("K")) && s.stepKey().equals(busiest.get("S")))
				.singleElement().extracting(OpenWork.StepLoad::open).isEqualTo(((Number) busiest.get("N")).longValue());
		long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
		assertThat(openWork.byStep().stream().mapToLong(OpenWork.StepLoad::open).sum()).isEqualTo(open);

		// lead times: the nearest-rank median of one step's finished tasks, computed here from the history table
		List<Map<String, Object>> finished = jdbc.queryForList("""
				SELECT PROC_DEF_KEY_ AS k, TASK_DEF_KEY_ AS s FROM ACT_HI_TASKINST WHERE DURATION_ IS NOT NULL AND PROC_DEF_KEY_ IS NOT NULL
				GROUP BY PROC_DEF_KEY_, TASK_DEF_KEY_ ORDER BY COUNT(*) DESC FETCH FIRST 1 ROWS ONLY""");
		if (!finished.isEmpty()) {
			String k = (String) finished.get(0).get("K");
			String s = (String) finished.get(0).get("S");
			List<Long> millis = jdbc.queryForList("""
					SELECT DURATION_ FROM ACT_HI_TASKINST WHERE PROC_DEF_KEY_ = ? AND TASK_DEF_KEY_ = ? AND DURATION_ IS NOT NULL AND END_TIME_ >= ?
					ORDER BY DURATION_""", Long.class, k, s, Timestamp.from(Instant.now().minus(Duration.ofDays(90))));
			LeadTimes.Timing timing = leadTimes.steps().stream().filter(t -> t.processKey().equals(k) && t.stepKey().equals(s)).findFirst().orElseThrow();
			assertThat(timing.finished()).isEqualTo(millis.size());
			assertThat(timing.medianHours()).isEqualTo(millis.get((millis.size() + 1) / 2 - 1) / 3_600_000.0);
		}
		assertThat(LeadTimes.percentile(new ArrayList<>(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)), 90)).isEqualTo(9L);
		assertThat(LeadTimes.percentile(List.of(5L), 50)).isEqualTo(5L);
	}

	@Test
	void anOverdueTaskComesFirstAndTheDirectorUrgesItsHolder() throws Exception {
		Task task = taskService.createTaskQuery().processInstanceBusinessKeyLike("PP-%").orderByTaskCreateTime().asc().listPage(0, 1).get(0);
		String caseNumber = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
		Date due = task.getDueDate();
		task.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(400))));
		taskService.saveTask(task);
		try {
			assertThat(openWork.longest(5).get(0).taskId()).isEqualTo(task.getId());
			String page = page(director());
			assertThat(page).contains("主任工作台").contains(caseNumber).contains("催辦").contains("辦理時長");

			mvc.perform(post("/desk/urge/{id}", task.getId()).with(user("clerk1").authorities(() -> "phoneClerk")).with(csrf()))
					.andExpect(status().isForbidden());
			long before = urges(caseNumber);
			mvc.perform(post("/desk/urge/{id}", task.getId()).with(director()).with(csrf())).andExpect(status().is3xxRedirection());
			assertThat(urges(caseNumber)).isEqualTo(before + 1);
			assertThat(jdbc.queryForObject("SELECT step_name FROM approval_event WHERE case_number = ? AND event = 'URGE' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
					String.class, caseNumber)).isEqualTo(task.getName());
		}
		finally {
			task.setDueDate(due);
			taskService.saveTask(task);
		}
		Task notOverdue = taskService.createTaskQuery().taskId(task.getId()).singleResult();
		if (notOverdue.getDueDate() == null || notOverdue.getDueDate().after(new Date())) {
			mvc.perform(post("/desk/urge/{id}", task.getId()).with(director()).with(csrf())).andExpect(status().isBadRequest());
		}
		mvc.perform(post("/desk/urge/{id}", "no-such-task").with(director()).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(get("/desk").with(user("supply").authorities(() -> "supplyManager"))).andExpect(status().isForbidden());
	}

	@Test
	void theRulesPanelCountsWhatTheSheetsAndTheCoreKept() throws Exception {
		// attempts to decide one's own case are kept by the approval core (AnnualTargetsProcessTest makes one)
		long attempts = jdbc.queryForObject("SELECT COUNT(*) FROM refused_own_decision WHERE attempted_at >= ?", Long.class,
				Timestamp.valueOf(java.time.LocalDateTime.now(com.wholesaler.marketing.catalog.BusinessTime.ZONE).minusDays(90)));
		long exceptions = jdbc.queryForObject("""
				SELECT COUNT(*) FROM approval_event WHERE case_number LIKE 'LE-%' AND event = 'APPROVE' AND occurred_at >= ?""", Long.class,
				Timestamp.valueOf(java.time.LocalDateTime.now(com.wholesaler.marketing.catalog.BusinessTime.ZONE).minusDays(90)));
		jdbc.update("""
				INSERT INTO approval_event (case_number, step, step_name, event, comment, actor, occurred_at)
				VALUES ('PA-TEST-URGENT', 'APPROVE', '營銷中心主任審批', 'APPROVE_URGENT', '先執行', 'director', CURRENT_TIMESTAMP)""");
		RulesPanel.Panel after = rules.now();
		assertThat(after.ownAttempts()).hasSize((int) attempts);
		assertThat(after.limitExceptionsGranted()).isEqualTo((int) exceptions);
		assertThat(after.unreported()).extracting(RulesPanel.UnreportedUrgent::caseNumber).contains("PA-TEST-URGENT");
		jdbc.update("""
				INSERT INTO approval_event (case_number, step, step_name, event, comment, actor, occurred_at)
				VALUES ('PA-TEST-URGENT', 'REPORT_AFTERWARDS', '事後報備', 'REPORTED_AFTERWARDS', '報備文號 1', 'genadmin', CURRENT_TIMESTAMP)""");
		assertThat(rules.now().unreported()).extracting(RulesPanel.UnreportedUrgent::caseNumber).doesNotContain("PA-TEST-URGENT");
		assertThat(page(director())).contains("制度執行情況");
	}

	private long urges(String caseNumber) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM approval_event WHERE case_number = ? AND event = 'URGE'", Long.class, caseNumber);
	}

	private String page(RequestPostProcessor who) throws Exception {
		return mvc.perform(get("/desk").with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static RequestPostProcessor director() {
		return user("director").authorities(() -> "centerDirector");
	}
}
