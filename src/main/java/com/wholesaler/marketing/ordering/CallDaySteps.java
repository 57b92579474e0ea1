package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.ordering.CallDayProcess.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.TaskAnswerListener;
import com.wholesaler.marketing.catalog.BusinessTime;

/** The steps of daily-call-list.bpmn, each a bean it names: thin, each calls CallDays. */
public final class CallDaySteps {

	private CallDaySteps() {
	}

	/**
	 * Makes the day's lists, the day by the engine's clock (the timer's, which tests move); the day
	 * becomes the business key. No lists made: no call date, and the model ends.
	 */
	@Component("makeCallListsDelegate")
	public static class MakeLists implements JavaDelegate {
		private final CallDays days;

		MakeLists(CallDays days) {
			this.days = days;
		}

		@Override
		public void execute(DelegateExecution execution) {
			LocalDate today = BusinessTime.date(ClockUtil.getCurrentTime());
			boolean made = !days.make(today).isEmpty();
			execution.setVariable(CALL_DATE, made ? today.toString() : null);
			if (made) {
				execution.setProcessBusinessKey(businessKey(today));
			}
		}
	}

	/** What the forms show, read when each task is created: the clerk's list, or the day's logs and events for the check. */
	@Component("callDayDisplay")
	public static class Display implements TaskListener {
		private final CallDays days;
		private final SpecialEvents events;
		private final ObjectMapper json;

		Display(CallDays days, SpecialEvents events, ObjectMapper json) {
			this.days = days;
			this.events = events;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			LocalDate day = LocalDate.parse((String) task.getVariable(CALL_DATE));
			if (TASK_CALL_AND_LOG.equals(task.getTaskDefinitionKey())) {
				String clerk = (String) task.getVariable(CLERK);
				// each clerk's remarks stay in their own instance of the task, never read from a colleague's
				task.getExecution().setVariableLocal(REMARKS, null);
				CallDays.DayFigures f = days.figures(day, clerk);
				task.setVariableLocal("daySummary", "%s 今天訪銷 %d 戶零售客戶。".formatted(clerk, f.retailers()));
				return;
			}
			List<CallDays.WorkLog> logs = days.logs(day);
			List<SpecialEvents.SpecialEvent> dayEvents = events.of(day);
			long missing = logs.stream().filter(l -> !l.filed()).count();
			task.setVariableLocal("checkSummary", "%d 名坐席有訪銷任務，%d 人尚未提交工作日誌；特殊資訊 %d 條。"
					.formatted(logs.size(), missing, dayEvents.size()));
			task.setVariableLocal("dayLogs", FormTables.json(json, logs.stream().map(l -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("clerk", l.clerk());
				row.put("retailers", l.retailers());
				row.put("called", l.filed() ? l.figures().called() : "—");
				row.put("filed", l.filed() ? "已提交" : "未提交");
				row.put("remarks", l.remarks() == null ? "" : l.remarks());
				return row;
			}).toList()));
			task.setVariableLocal("dayEvents", FormTables.json(json, dayEvents.stream().map(e -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("at", e.recordedAt().toLocalTime().withNano(0).toString());
				row.put("clerk", e.clerk());
				row.put("kind", e.kindName());
				row.put("note", e.note());
				return row;
			}).toList()));
		}
	}

	/** The clerk closes the day: the log is filed with the day's figures and the remarks. */
	@Component("callDayLogListener")
	public static class FileLog extends TaskAnswerListener {
		private final CallDays days;
		private final CurrentUser currentUser;

		FileLog(CallDays days, CurrentUser currentUser) {
			this.days = days;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			days.file(LocalDate.parse((String) execution.getVariable(CALL_DATE)), (String) execution.getVariable(CLERK), currentUser.id(),
					(String) execution.getVariable(REMARKS));
		}
	}

	/** The seat leader closes the day's check with remarks. */
	@Component("callDayCheckListener")
	public static class Check extends TaskAnswerListener {
		private final CallDays days;
		private final SpecialEvents events;
		private final CurrentUser currentUser;

		Check(CallDays days, SpecialEvents events, CurrentUser currentUser) {
			this.days = days;
			this.events = events;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			LocalDate day = LocalDate.parse((String) execution.getVariable(CALL_DATE));
			days.closeCheck(day, currentUser.id(), (String) execution.getVariable(CHECK_REMARKS), events.of(day).size());
		}
	}
}
