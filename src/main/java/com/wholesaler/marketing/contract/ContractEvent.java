package com.wholesaler.marketing.contract;

import java.time.LocalDateTime;

import com.wholesaler.marketing.approval.ApprovalSheetEntry;

public record ContractEvent(ContractStep step, String type, String comment, String actor, LocalDateTime occurredAt)
		implements ApprovalSheetEntry {

	@Override
	public String typeName() {
		return switch (type) {
			case "CREATE" -> "建立";
			case "SUBMIT" -> "提交";
			case "APPROVE" -> "同意";
			case "RETURN" -> "退回修改";
			case "REJECT" -> "否決";
			case "SENT" -> "已發送工業企業";
			case "REMIND" -> "催簽提醒";
			case "ESCALATE" -> "逾期上報主任";
			case "KEEP_WAITING" -> "繼續等待會簽";
			case "CANCEL" -> "取消合同";
			case "SIGNED" -> "已會簽";
			case "ARRIVAL" -> "到貨確認";
			case "DELIVERED" -> "全部到貨";
			case "INVOICE_MATCHED" -> "發票相符";
			case "INVOICE_MISMATCH" -> "發票不符";
			case "INVOICE_ACCEPTED" -> "差異已接受";
			case "INVOICE_WITHDRAWN" -> "發票退回重開";
			case "PAID" -> "承付";
			case "PAYMENT_REFUSED" -> "拒付";
			case "COMPLETED" -> "合同完成";
			case "TERMINATED" -> "合同終止";
			case "AMENDMENT_REQUESTED" -> "提出變更";
			case "AMENDMENT_APPROVED" -> "同意變更";
			case "AMENDMENT_REJECTED" -> "否決變更";
			case "AMENDED" -> "變更生效";
			default -> type;
		};
	}

	@Override
	public String stepName() {
		return step.chineseName();
	}
}
