package com.wholesaler.marketing.notification;

/** What a person is told about; each user chooses per kind how (Delivery). */
public enum NotificationKind {
	NEW_TASK("新任務", "a new task for me or my group"),
	REMINDER("逾期提醒", "a reminder of an overdue step"),
	URGE("催辦", "an urge from the director"),
	ESCALATION("逾期上報", "an overdue step escalated to me"),
	RETURNED("退回修改", "my case returned to me");

	private final String chineseName;
	private final String englishName;

	NotificationKind(String chineseName, String englishName) {
		this.chineseName = chineseName;
		this.englishName = englishName;
	}

	public String chineseName() {
		return chineseName;
	}

	public String englishName() {
		return englishName;
	}
}
