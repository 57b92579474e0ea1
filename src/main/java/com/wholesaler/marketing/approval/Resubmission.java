package com.wholesaler.marketing.approval;

/**
 * What the drafter of a returned case answers on its revise form ({@code reviseAction}): resubmit it as
 * now written, or withdraw it. Checked alike in every process: only the drafter answers, only while the
 * case is back with them, and only one of the two.
 */
public enum Resubmission {
	RESUBMIT, WITHDRAW;

	public static Resubmission of(ApprovalCase returned, boolean isReturned, String by, Object action) {
		if (!by.equals(returned.drafter())) {
			throw new BusinessRuleException("%s %s 由起草人 %s 修改 (only its drafter revises)".formatted(returned.caseName(),
					returned.caseNumber(), returned.drafter()));
		}
		if (!isReturned) {
			throw new BusinessRuleException("%s %s 不在退回修改中，無需修改 (not returned)".formatted(returned.caseName(), returned.caseNumber()));
		}
		for (Resubmission answer : values()) {
			if (answer.name().equals(String.valueOf(action))) {
				return answer;
			}
		}
		throw new BusinessRuleException("請選擇「修改後重新提交」或「撤回」(action)");
	}
}
