package com.wholesaler.marketing.purchaseplan;

/** What happened to a plan; the approval history lists these in order. */
public enum PlanEventType {
	CREATE("建立"), SUBMIT("提交"), APPROVE("同意"), RETURN("退回修改"), REJECT("否決"), WITHDRAW("撤回"),
	REMIND("逾期提醒"), ESCALATE("逾期上報");

	private final String chineseName;

	PlanEventType(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
