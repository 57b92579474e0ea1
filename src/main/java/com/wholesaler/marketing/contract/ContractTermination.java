package com.wholesaler.marketing.contract;

import java.util.Collection;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.identity.Role;

/**
 * The director's early end of a contract in performance. It is a message to the contract's process
 * so that the open arrival, invoice and payment tasks end with it.
 */
@Service
public class ContractTermination {

	private final Contracts contracts;
	private final RuntimeService runtimeService;

	ContractTermination(Contracts contracts, RuntimeService runtimeService) {
		this.contracts = contracts;
		this.runtimeService = runtimeService;
	}

	public void request(String contractNumber, String userId, Collection<String> groups, String reason) {
		if (!groups.contains(Role.CENTER_DIRECTOR.groupId())) {
			throw new BusinessRuleException("只有營銷中心主任可以終止合同 (only the center director may terminate a contract)");
		}
		if (reason == null || reason.isBlank()) {
			throw new BusinessRuleException("終止合同請說明理由 (a reason is required)");
		}
		Contract contract = contracts.contract(contractNumber);
		if (!contract.isPerforming()) {
			throw new BusinessRuleException("只有履行中的合同可以終止 (only a contract in performance can be terminated)");
		}
		runtimeService.createMessageCorrelation(ContractProcess.MESSAGE_TERMINATE).processInstanceId(contract.processInstanceId())
				.setVariable(ContractProcess.TERMINATION_REASON, reason.trim()).setVariable(ContractProcess.TERMINATED_BY, userId).correlate();
	}
}
