package com.wholesaler.marketing.substitution;

import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalSheetEntry;

public record ShortageEvent(ShortageStep step, String type, String comment, String actor, LocalDateTime occurredAt)
		implements ApprovalSheetEntry {

	@Override
	public String typeName() {
		return switch (type) {
			case "CREATE" -> "建立";
			case "PROPOSED" -> "系統測算";
			case "SUBMIT" -> "提交";
			case "APPROVE" -> "同意";
			case "RETURN" -> "退回修改";
			case "REJECT" -> "否決";
			case "PUBLISHED" -> "投放控制量生效";
			case "ACKNOWLEDGE" -> "已知悉";
			case "EXPIRED" -> "到期結束";
			case "RECOVERED" -> "庫存恢復，提前結束";
			default -> type;
		};
	}

	@Override
	public String stepName() {
		return step.chineseName();
	}
}
