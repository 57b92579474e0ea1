package com.wholesaler.marketing.approval;

/** What the approval core needs to know of a case (a plan, a contract, a proposal …) to check a decision on it. */
public interface ApprovalCase {

	/** The record's number, as the users know it. */
	String caseNumber();

	/** The number its approval sheet is kept under: its own, or the record it belongs to (an amendment: its contract). */
	default String sheetNumber() {
		return caseNumber();
	}

	/** What the users call this kind of record: 購進計畫, 合同 … */
	String caseName();

	/** Who drafted or proposed it: they may not decide on it. */
	String drafter();

	/** The area of work it belongs to: the deputy decides the director's steps of the areas given to them. */
	Area area();

	/** Whether the case waits for a decision at this step now. */
	boolean awaits(ApprovalStep step);
}
