package com.wholesaler.marketing.approval;

import java.time.LocalDateTime;

/** One line of a record's approval sheet (審批單): a step, what happened, who, what they said. */
public interface ApprovalSheetEntry {

	LocalDateTime occurredAt();

	/** The step as the users call it. */
	String stepName();

	/** What happened, as the users call it. */
	String typeName();

	/** Who, as a user id; null for the system. */
	String actor();

	/** Who, as the users call them (李明, 「趙華 代 李明」 for a stand-in); 系統 for the system. */
	default String who() {
		return actor() == null ? "系統" : actor();
	}

	String comment();

	/** A word for the kind of entry, for the page's colours: the event type, or ADMIN for an administrator's intervention. */
	default String kind() {
		return "EVENT";
	}
}
