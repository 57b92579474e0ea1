package com.wholesaler.marketing.approval;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * What an administrator did to a case outside its steps (Cockpit: modification, variables,
 * suspension, jobs, migration), read from the engine's user operation log, so that the case's
 * approval sheet shows it beside the decisions: an approval binds, and a bypass is on the record.
 */
@Component
public class AdministratorInterventions {

	private static final Map<String, String> NAMES = Map.ofEntries(
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, "修改流程步驟"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, "修改流程變量"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE, "修改流程變量"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE, "刪除流程變量"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "暫停"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_ACTIVATE, "恢復"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE, "刪除流程"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_MIGRATE, "遷移到新版本"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_DUEDATE, "修改定時器"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_EXECUTE, "立即執行定時器"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES, "重試作業"),
			Map.entry(UserOperationLogEntry.OPERATION_TYPE_RESTART_PROCESS_INSTANCE, "重新啟動流程"));

	private final HistoryService historyService;
	private final Clock clock;

	public AdministratorInterventions(HistoryService historyService, Clock clock) {
		this.historyService = historyService;
		this.clock = clock;
	}

	/** One line of the approval sheet: an administrator's operation on the case. */
	public record Intervention(LocalDateTime occurredAt, String typeName, String actor, String comment)
			implements ApprovalSheetEntry {

		@Override
		public String stepName() {
			return "系統管理員處理";
		}

		@Override
		public String kind() {
			return "ADMIN";
		}
	}

	public List<Intervention> of(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
		for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
				.categoryIn(UserOperationLogEntry.CATEGORY_OPERATOR).list()) {
			if (NAMES.containsKey(entry.getOperationType())) {
				byOperation.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
			}
		}
		List<Intervention> interventions = new ArrayList<>();
		byOperation.values().forEach(entries -> {
			UserOperationLogEntry first = entries.get(0);
			TreeSet<String> details = new TreeSet<>();
			for (UserOperationLogEntry e : entries) {
				if (e.getProperty() != null && e.getNewValue() != null) {
					details.add(e.getProperty() + "=" + abbreviated(e.getNewValue()));
				}
			}
			interventions.add(new Intervention(first.getTimestamp().toInstant().atZone(clock.getZone()).toLocalDateTime().withNano(0),
					NAMES.get(first.getOperationType()), first.getUserId(), String.join("; ", details)));
		});
		return interventions;
	}

	/** The case's own entries and the administrator's, in the order they happened. */
	public List<ApprovalSheetEntry> sheet(List<? extends ApprovalSheetEntry> entries, String processInstanceId) {
		List<ApprovalSheetEntry> sheet = new ArrayList<>(entries);
		sheet.addAll(of(processInstanceId));
		sheet.sort(Comparator.comparing(ApprovalSheetEntry::occurredAt));
		return sheet;
	}

	private static String abbreviated(String value) {
		return value.length() <= 60 ? value : value.substring(0, 60) + "…";
	}
}
