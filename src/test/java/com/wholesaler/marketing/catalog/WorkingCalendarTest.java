package com.wholesaler.marketing.catalog;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;

/** Working days with China's holidays and 調休, used by due dates, and replaced year by year on a page. */
@IntegrationTest
class WorkingCalendarTest {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	WorkingCalendarFiles files;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void backToTheRepositoryFilesAndTheRealClock() {
		jdbc.update("DELETE FROM working_calendar");
		calendar.forget(2026);
		calendar.forget(2027);
		ClockUtil.reset();
	}

	private static LocalDateTime at(String text) {
		return LocalDateTime.parse(text);
	}

	@Test
	void aDueDateOverNationalDayLandsOnTheRightWorkingDay() {
		// Wednesday before 國慶: October 1–7 are holidays, so two working days later is Friday the 9th
		assertThat(calendar.addWorkingDays(at("2026-09-30T10:00"), 2)).isEqualTo(at("2026-10-09T10:00"));
		// Friday the 18th: the next working day is Sunday the 20th, worked in place of a holiday (調休)
		assertThat(calendar.addWorkingDays(at("2026-09-18T09:00"), 1)).isEqualTo(at("2026-09-20T09:00"));
		// Friday the 13th of February: 春節 from the 15th, but Saturday the 14th is worked
		assertThat(calendar.addWorkingDays(at("2026-02-13T09:00"), 2)).isEqualTo(at("2026-02-24T09:00"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday worked after 國慶").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12))).isTrue();
		assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2026, 10, 3))).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(calendar.isWorkingDay(LocalDate.of(2030, 6, 1))).as("a year without a calendar: weekends only").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2030, 6, 3))).isTrue();
	}

	@Test
	void aPlanReviewStartedBeforeNationalDayIsDueAfterIt() {
		ClockUtil.setCurrentTime(Date.from(at("2026-09-30T10:00").atZone(BusinessTime.ZONE).toInstant()));
		String instanceId = ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> runtimeService.startProcessInstanceByKey(
				PROCESS_ID, Map.of(PERIOD, YearMonth.now().plusMonths(1).toString(), NOTE, "國慶前"))).getId();
		String draft = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		ActingUsers.as(identityService, "supply", List.of("supplyManager"), () -> taskService.complete(draft, Map.of(DRAFT_ACTION, "SUBMIT")));
		Date due = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getDueDate();
		assertThat(LocalDateTime.ofInstant(due.toInstant(), BusinessTime.ZONE)).isEqualTo(at("2026-10-09T10:00"));
	}

	@Test
	void theGeneralAdministratorReplacesAYearAndABadFileChangesNothing() throws Exception {
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).as("2027 from the repository: 春節").isFalse();
		String notice = """
				2027-02-06 休 春節
				2027-02-07 休 春節
				2027-02-08 休 春節
				2027-02-09 休 春節
				2027-02-20 班 春節調休上班
				""";
		assertThatThrownBy(() -> files.replace(2027, notice, "supply", Set.of("supplyManager"))).hasMessageContaining("只有綜合管理員");
		assertThatThrownBy(() -> files.replace(2027, "2027-02-10 班 調休\n2026-12-31 休 元旦\nxx", "genadmin", Set.of("generalAdmin")))
				.hasMessageContaining("第 1 行").hasMessageContaining("第 2 行").hasMessageContaining("第 3 行");
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).as("nothing of a bad file is used").isFalse();

		mvc.perform(multipart("/calendar/2027").file(new MockMultipartFile("file", "2027.txt", "text/plain", notice.getBytes(StandardCharsets.UTF_8)))
				.with(user("genadmin").authorities(() -> "generalAdmin")).with(csrf()))
				.andExpect(flash().attribute("message", Matchers.containsString("4 個放假日")));
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).as("Saturday worked in 2027").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 5))).as("the uploaded year replaces the file").isTrue();
		mvc.perform(get("/calendar").param("year", "2027").with(user("genadmin").authorities(() -> "generalAdmin")))
				.andExpect(content().string(Matchers.containsString("春節調休上班")))
				.andExpect(content().string(Matchers.containsString("genadmin 於")));
	}
}
