package com.wholesaler.marketing.approval;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One entry of a case's approval sheet (審批單), in every process: a step, what happened, who (and for
 * whom, when a stand-in acted), what they said.
 */
public record ApprovalEvent(String step, String stepName, ApprovalEventType type, String comment, String actor, String onBehalfOf,
		LocalDateTime occurredAt, String who) implements ApprovalSheetEntry {

	@Override
	public String typeName() {
		return type.chineseName();
	}

	@Override
	public String kind() {
		return type.name();
	}

	@Override
	public String who() {
		return who == null ? ApprovalSheetEntry.super.who() : who;
	}

	/** The same entry with the people by name: 「趙華 代 李明」 for a stand-in. */
	ApprovalEvent named(Map<String, String> names) {
		if (actor == null) {
			return this;
		}
		String name = names.getOrDefault(actor, actor);
		String display = onBehalfOf == null ? name : "%s 代 %s".formatted(name, names.getOrDefault(onBehalfOf, onBehalfOf));
		return new ApprovalEvent(step, stepName, type, comment, actor, onBehalfOf, occurredAt, display);
	}
}
