package com.wholesaler.marketing.contract;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.identity.Role;

/**
 * The arrival record uploaded as the scanner's CSV on the contract page. It completes the contract's
 * open "confirm arrival" task as the uploading user, exactly as the Tasklist form does. The file is
 * handed over as a transient variable: a delivery's case list is longer than the 4,000 characters a
 * stored string variable may hold, and every case is kept in received_case anyway.
 */
@Service
public class ArrivalUpload {

	private final Contracts contracts;
	private final TaskService taskService;
	private final IdentityService identityService;

	ArrivalUpload(Contracts contracts, TaskService taskService, IdentityService identityService) {
		this.contracts = contracts;
		this.taskService = taskService;
		this.identityService = identityService;
	}

	public void upload(String contractNumber, String userId, Collection<String> groups, String csv, String damage, String note) {
		if (!groups.contains(Role.GENERAL_ADMIN.groupId())) {
			throw new BusinessRuleException("只有綜合管理員可以確認到貨 (only a general administrator confirms arrivals)");
		}
		if (csv == null || csv.isBlank()) {
			throw new BusinessRuleException("請選擇掃碼記錄 CSV 檔 (choose the scanner's CSV file)");
		}
		Contract contract = contracts.contract(contractNumber);
		Task task = contract.processInstanceId() == null ? null : taskService.createTaskQuery().processInstanceId(contract.processInstanceId())
				.taskDefinitionKey(ContractProcess.TASK_CONFIRM_ARRIVAL).singleResult();
		if (task == null) {
			throw new BusinessRuleException("合同 %s 目前沒有待確認的到貨 (no arrival is awaited)".formatted(contractNumber));
		}
		if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
			throw new BusinessRuleException("到貨確認任務已由 %s 認領 (claimed by someone else)".formatted(task.getAssignee()));
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(ContractProcess.ARRIVAL_RECORD, Variables.stringValue(csv.replace("\uFEFF", ""), true));
		variables.put(ContractProcess.DAMAGE, damage == null ? "" : damage);
		variables.put(ContractProcess.ARRIVAL_NOTE, note == null ? "" : note);
		identityService.setAuthentication(userId, List.copyOf(groups));
		try {
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}
}
