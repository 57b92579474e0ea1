package com.wholesaler.marketing.purchaseplan;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.CONTRACT_PROCESS_ID;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.MANUFACTURER_CODE;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.PLAN_NUMBER;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * An approved plan asks for one contract per manufacturer. Where the contract process is deployed
 * it is started for each; until then the requests are recorded with the plan, for the contract
 * process to take up.
 */
@Component
public class RequestContractsDelegate implements JavaDelegate {

	private final PurchasePlans plans;
	private final RuntimeService runtimeService;
	private final RepositoryService repositoryService;

	public RequestContractsDelegate(PurchasePlans plans, RuntimeService runtimeService, RepositoryService repositoryService) {
		this.plans = plans;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String planNumber = (String) execution.getVariable(PLAN_NUMBER);
		boolean contractProcessDeployed = repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(CONTRACT_PROCESS_ID).count() > 0;
		Map<String, String> instanceByManufacturer = new LinkedHashMap<>();
		for (String manufacturer : plans.manufacturersToContract(planNumber)) {
			String instanceId = null;
			if (contractProcessDeployed) {
				// The approver may not start contracts themselves; the approved plan does, by rule.
				instanceId = Context.getCommandContext().runWithoutAuthorization(() ->
						runtimeService.startProcessInstanceByKey(CONTRACT_PROCESS_ID,
								Variables.putValue(PLAN_NUMBER, planNumber).putValue(MANUFACTURER_CODE, manufacturer)).getId());
			}
			instanceByManufacturer.put(manufacturer, instanceId);
		}
		plans.recordContractRequests(planNumber, instanceByManufacturer);
	}
}
