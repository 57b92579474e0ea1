package com.wholesaler.marketing.ordering;

/** Ids of daily-call-list.bpmn that code refers to, and its variables. */
public final class CallDayProcess {

	public static final String PROCESS_ID = "dailyCallList";

	public static final String TASK_MAKE_LISTS = "Task_MakeCallLists";
	public static final String TASK_CALL_AND_LOG = "Task_CallAndLog";
	public static final String TASK_CHECK_DAY = "Task_CheckCallDay";
	public static final String EVENT_CHECK_TIME = "Event_CheckTime";
	public static final String EVENT_NEXT_MORNING = "Event_NextMorning";
	public static final String EVENT_NO_CALLS = "Event_NoCalls";
	public static final String EVENT_DAY_CLOSED = "Event_DayClosed";

	// variables
	public static final String CALL_DATE = "callDate";
	public static final String CLERK = "clerk";
	public static final String REMARKS = "remarks";
	public static final String CHECK_REMARKS = "checkRemarks";

	private CallDayProcess() {
	}

	/** The business key of a day: CL and the date. */
	static String businessKey(java.time.LocalDate day) {
		return "CL-" + day.toString().replace("-", "");
	}
}
