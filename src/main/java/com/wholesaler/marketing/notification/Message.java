package com.wholesaler.marketing.notification;

import java.util.List;
import java.util.stream.Collectors;

/** What one notice says: a subject, a body and a link to where the work is. */
record Message(String subject, String body, String link) {

	/** Where a message about several pieces of work sends the reader: the portal's start page with the user's tasks. */
	static final String SEVERAL_LINK = "/";

	/**
	 * Several notices of one kind for the same reader in one transaction, as one message (an approved
	 * plan drafting thirty contracts tells the general administrator once, not thirty times).
	 */
	static Message together(List<Message> messages) {
		List<Message> distinct = messages.stream().distinct().toList();
		if (distinct.size() == 1) {
			return distinct.get(0);
		}
		Message first = distinct.get(0);
		boolean oneLink = distinct.stream().map(Message::link).distinct().count() == 1;
		return new Message("%s 等 %d 項".formatted(first.subject(), distinct.size()),
				distinct.stream().map(m -> "・" + m.subject() + "：" + m.body()).collect(Collectors.joining("\n")),
				oneLink ? first.link() : SEVERAL_LINK);
	}
}
