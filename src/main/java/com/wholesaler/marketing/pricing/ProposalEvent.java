package com.wholesaler.marketing.pricing;

import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalSheetEntry;

public record ProposalEvent(ProposalStep step, String type, String comment, String actor, LocalDateTime occurredAt)
		implements ApprovalSheetEntry {

	/** The event types, with what the approval sheet calls them. */
	public static String chineseName(String type) {
		return switch (type) {
			case "CREATE" -> "建立";
			case "RESUBMIT" -> "修改後重新提交";
			case "RULES_PASSED" -> "符合規則";
			case "RULES_REFUSED" -> "不符合規則";
			case "APPROVE" -> "同意";
			case "APPROVE_URGENT" -> "同意，先執行後報備";
			case "RETURN" -> "退回修改";
			case "REJECT" -> "否決";
			case "WITHDRAW" -> "撤回";
			case "REPORTED" -> "已上報";
			case "REMIND" -> "催辦提醒";
			case "ACCEPTED" -> "上級批准";
			case "REFUSED" -> "上級未批准";
			case "EFFECTIVE" -> "價格生效";
			case "ACKNOWLEDGE" -> "已知悉";
			case "REPORTED_AFTERWARDS" -> "事後報備";
			default -> type;
		};
	}

	@Override
	public String typeName() {
		return chineseName(type);
	}

	@Override
	public String stepName() {
		return step.chineseName();
	}
}
