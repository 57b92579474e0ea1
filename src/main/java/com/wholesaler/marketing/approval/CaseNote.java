package com.wholesaler.marketing.approval;

/** The optional note (說明) a drafter writes on a case: trimmed, at most 1,000 characters, null when empty. */
public final class CaseNote {

	public static final int LIMIT = 1000;

	private CaseNote() {
	}

	public static String of(String note) {
		String text = note == null ? null : note.strip();
		if (text != null && text.length() > LIMIT) {
			throw new BusinessRuleException("說明不能超過 %d 字，現在 %d 字 (note too long)".formatted(LIMIT, text.length()));
		}
		return text == null || text.isEmpty() ? null : text;
	}
}
