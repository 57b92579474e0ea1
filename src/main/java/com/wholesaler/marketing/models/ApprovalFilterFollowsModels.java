package com.wholesaler.marketing.models;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.identity.TasklistFilters;

/** Tasklist's 待我審批 lists the decision steps of the deployed models: a new deployment refreshes it. */
@Component
class ApprovalFilterFollowsModels {

	private final TasklistFilters filters;

	ApprovalFilterFollowsModels(TasklistFilters filters) {
		this.filters = filters;
	}

	@EventListener
	void onModelsDeployed(ModelsDeployed deployed) {
		filters.refresh();
	}
}
