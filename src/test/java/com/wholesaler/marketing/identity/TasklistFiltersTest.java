package com.wholesaler.marketing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.wholesaler.marketing.IntegrationTest;

@IntegrationTest
class TasklistFiltersTest {

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	TasklistFilters tasklistFilters;

	@AfterEach
	void signOut() {
		identityService.clearAuthentication();
	}

	private List<String> filtersSeenBy(String user, String group) {
		identityService.setAuthentication(user, List.of(group));
		return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
	}

	@Test
	void approversSeeTheApprovalFilterAndClerksDoNot() {
		assertThat(filtersSeenBy("director", "centerDirector"))
				.contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS, TasklistFilters.TO_APPROVE);
		assertThat(filtersSeenBy("clerk1", "phoneClerk"))
				.contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS)
				.doesNotContain(TasklistFilters.TO_APPROVE);
	}

	@Test
	void theApprovalFilterListsTheDecisionStepsOfTheDeployedModels() {
		assertThat(tasklistFilters.decisionStepKeys()).contains("Task_ReviewSample");
		Filter filter = filterService.createFilterQuery().filterName(TasklistFilters.TO_APPROVE).singleResult();
		TaskQuery query = filter.getQuery();
		assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) query).getKeys()).contains("Task_ReviewSample");
	}

	@Test
	void refreshingKeepsOneFilterOfEachName() {
		tasklistFilters.refresh();
		tasklistFilters.refresh();
		assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_TASKS).count()).isEqualTo(1);
		assertThat(filterService.createFilterQuery().filterName(TasklistFilters.TO_APPROVE).count()).isEqualTo(1);
	}
}
