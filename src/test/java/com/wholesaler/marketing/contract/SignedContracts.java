package com.wholesaler.marketing.contract;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.catalog.Catalog;

/** Contracts started by hand, drafted, approved and countersigned by the demo users: what most contract tests start from. */
final class SignedContracts {

	/** A signed contract: its process instance and its number. */
	record Signed(String instanceId, String number) {
	}

	private SignedContracts() {
	}

	/** The manufacturer's {@code index}-th active product. */
	static String productOf(Catalog catalog, String manufacturer, int index) {
		return catalog.stockPositions().stream().filter(s -> s.product().isActive() && s.product().manufacturerCode().equals(manufacturer))
				.skip(index).findFirst().orElseThrow().product().code();
	}

	/** Completes the instance's only open task as the user. */
	static void complete(TaskService tasks, IdentityService identity, String instanceId, String user, String group,
			Map<String, Object> variables) {
		String taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		ActingUsers.as(identity, user, List.of(group), () -> tasks.complete(taskId, variables));
	}

	/** Started by genadmin, drafted with {@code lineChanges}, approved by brandhead and director, countersigned by message. */
	static Signed sign(RuntimeService runtime, TaskService tasks, IdentityService identity, String manufacturer, String lineChanges,
			String reason, String platformNumber) {
		String id = ActingUsers.as(identity, "genadmin", List.of("generalAdmin"), () -> runtime.startProcessInstanceByKey(
				ContractProcess.PROCESS_ID, Map.of(ContractProcess.MANUFACTURER_CODE, manufacturer,
						ContractProcess.PERIOD, YearMonth.now().plusMonths(1).toString(), ContractProcess.REASON, reason)).getId());
		String number = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
		complete(tasks, identity, id, "genadmin", "generalAdmin", Map.of(ContractProcess.LINE_CHANGES, lineChanges));
		complete(tasks, identity, id, "brandhead", "brandPlanningHead", Map.of(ContractProcess.DECISION, "APPROVE"));
		complete(tasks, identity, id, "director", "centerDirector", Map.of(ContractProcess.DECISION, "APPROVE"));
		runtime.createMessageCorrelation(ContractProcess.MESSAGE_COUNTERSIGNED).processInstanceBusinessKey(number)
				.setVariable(ContractProcess.PLATFORM_CONTRACT_NUMBER, platformNumber.replace("{number}", number)).correlate();
		return new Signed(id, number);
	}
}
