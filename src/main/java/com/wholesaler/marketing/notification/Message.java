package com.wholesaler.marketing.notification;

import java.util.List;

/** What one notice says: a subject, a body and a link to where the work is. */
record Message(String subject, String body, String link) {

	/** Where a message about several pieces of work sends the reader: the portal's start page with the user's tasks. */
	static final String SEVERAL_LINK = "/";

	/** What the outbox keeps of a body (its column's length). */
	static final int BODY_LIMIT = 2000;

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
		return new Message("%s 等 %d 項".formatted(first.subject(), distinct.size()), listed(distinct), oneLink ? first.link() : SEVERAL_LINK);
	}

	/** One line per notice, as many as the outbox's body holds, then how many more there are. */
	private static String listed(List<Message> messages) {
		StringBuilder body = new StringBuilder();
		int listed = 0;
		for (Message m : messages) {
			String line = "・" + m.subject() + "：" + m.body();
			if (body.length() + line.length() + 1 > BODY_LIMIT - 40) {
				break;
			}
			body.append(body.isEmpty() ? "" : "\n").append(line);
			listed++;
		}
		return listed == messages.size() ? body.toString()
				: body.append("\n…另有 %d 項，請在任務列表中查看".formatted(messages.size() - listed)).toString();
	}
}
