package com.wholesaler.marketing.operations;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The name of this node in a cluster (NODE_NAME), written as the lock owner of the jobs its job
 * executor holds and as the host of the job log and metrics: an operator looking at a job stuck after
 * a node died, or at who ran a job, sees the node's name instead of a random id or an address.
 * Without a name the engine's defaults stay.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

	private final String name;

	NodeName(@Value("${marketing.node-name:}") String name) {
		this.name = name;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (StringUtils.hasText(name)) {
			configuration.setHostname(name);
		}
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		JobExecutor jobExecutor = configuration.getJobExecutor();
		if (StringUtils.hasText(name) && jobExecutor != null) {
			jobExecutor.setLockOwner(name);
		}
	}
}
