package com.wholesaler.marketing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.wholesaler.marketing.StandaloneStart;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.WorkingCalendar;
import com.wholesaler.marketing.identity.DemoUser;
import com.wholesaler.marketing.identity.Role;

/** A fresh demo start: every demo user with a part in a process finds work in Tasklist, and a second start adds nothing. */
class WorkInFlightTest {

	/** Roles with no task in today's processes: process owners and the technical accounts. */
	private static final Set<String> NO_PROCESS_ROLE = Set.of(Role.PROCESS_OWNER.groupId(), Role.CAMUNDA_ADMIN, Role.INTEGRATION);

	private static final List<String> FRESH_DEMO = List.of(
			"--spring.datasource.url=jdbc:h2:mem:workInFlight;DB_CLOSE_DELAY=-1",
			"--marketing.demo.work-in-flight=true",
			"--marketing.models.locations=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form");

	@Test
	void afterAFreshStartEveryDemoUserWithARoleInAProcessHasATask() {
		long instancesAfterFirst;
		try (ConfigurableApplicationContext app = StandaloneStart.of("workInFlight", FRESH_DEMO)) {
			TaskService tasks = app.getBean(ProcessEngine.class).getTaskService();
			List<String> withoutWork = new ArrayList<>();
			// phone clerks have the day's calls on working days only
			boolean workingDay = app.getBean(WorkingCalendar.class).isWorkingDay(LocalDate.now(BusinessTime.ZONE));
			for (DemoUser user : DemoUser.ALL) {
				if (NO_PROCESS_ROLE.contains(user.groupId()) || !workingDay && user.groupId().equals(Role.PHONE_CLERK.groupId())) {
					continue;
				}
				long open = tasks.createTaskQuery().taskCandidateUser(user.id()).includeAssignedTasks().count()
						+ tasks.createTaskQuery().taskAssignee(user.id()).count();
				if (open == 0) {
					withoutWork.add(user.id());
				}
			}
			assertThat(withoutWork).as("demo users without a task").isEmpty();

			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("SELECT DISTINCT current_step FROM purchase_plan", String.class))
					.contains("CHECK", "REVIEW_DIRECTOR", "APPROVE_EXECUTIVE");
			assertThat(jdbc.queryForList("SELECT DISTINCT status FROM contract", String.class)).contains("IN_REVIEW", "SIGNING", "SIGNED");
			assertThat(jdbc.queryForList("SELECT DISTINCT current_step FROM price_proposal", String.class))
					.contains("REVIEW_PLANNING_HEAD", "APPROVE_EXECUTIVE", "AUTHORITY", "REPORT_AFTERWARDS");
			assertThat(jdbc.queryForList("SELECT DISTINCT status FROM shortage_case", String.class)).contains("ACTIVE", "IN_REVIEW", "DRAFTING");
			assertThat(jdbc.queryForList("SELECT status FROM price_notice", String.class)).containsExactly("CHECKING");
			assertThat(jdbc.queryForList("SELECT status FROM brand_cultivation", String.class)).containsExactly("APPROVING");
			assertThat(jdbc.queryForList("SELECT status FROM brand_promotion", String.class)).containsExactly("REVIEWING");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM approval_event WHERE event = 'RETURN'", Integer.class))
					.as("one case returned to its drafter").isPositive();
			instancesAfterFirst = app.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery().count();
		}
		try (ConfigurableApplicationContext again = StandaloneStart.of("workInFlightAgain", FRESH_DEMO)) {
			assertThat(again.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery().count())
					.as("a second start adds nothing").isEqualTo(instancesAfterFirst);
		}
	}
}
