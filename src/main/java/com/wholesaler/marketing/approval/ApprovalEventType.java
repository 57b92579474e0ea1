package com.wholesaler.marketing.approval;

/** What can happen to a case, in every process: the approval sheet lists these with their Chinese names. */
public enum ApprovalEventType {
	CREATE("建立"), PROPOSED("系統測算"), SUBMIT("提交"), RESUBMIT("修改後重新提交"), WITHDRAW("撤回"),
	RULES_PASSED("符合規則"), RULES_REFUSED("不符合規則"),
	APPROVE("同意"), APPROVE_URGENT("同意，先執行後報備"), RETURN("退回修改"), REJECT("否決"),
	REMIND("催辦提醒"), URGE("主任催辦"), ESCALATE("逾期上報"),
	REPORTED("已上報"), ACCEPTED("上級批准"), REFUSED("上級未批准"), EFFECTIVE("價格生效"), REPORTED_AFTERWARDS("事後報備"),
	ACKNOWLEDGE("已知悉"),
	SENT("已發送工業企業"), KEEP_WAITING("繼續等待會簽"), CANCEL("取消合同"), SIGNED("已會簽"),
	ARRIVAL("到貨確認"), DELIVERED("全部到貨"), INVOICE_MATCHED("發票相符"), INVOICE_MISMATCH("發票不符"),
	INVOICE_ACCEPTED("差異已接受"), INVOICE_WITHDRAWN("發票退回重開"), PAID("承付"), PAYMENT_REFUSED("拒付"),
	COMPLETED("合同完成"), TERMINATED("合同終止"), AMENDMENT_REQUESTED("提出變更"), AMENDED("變更生效"),
	PUBLISHED("投放控制量生效"), EXPIRED("到期結束"), RECOVERED("庫存恢復，提前結束"),
	MONTH_END("月底報告完成情況");

	private final String chineseName;

	ApprovalEventType(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	public static ApprovalEventType of(Decision decision) {
		return valueOf(decision.name());
	}
}
