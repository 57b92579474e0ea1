package com.wholesaler.marketing.approval;

import java.util.Optional;
import java.util.Set;

import com.wholesaler.marketing.identity.Role;

/**
 * A step of a process as the approval core sees it: what the users call it, the role that decides
 * there and the decisions it allows. Each process declares its steps (an enum implementing this);
 * steps nobody decides (a draft, the system's checks) allow no decision.
 */
public interface ApprovalStep {

	/** The step's id, stored on the approval sheet. */
	String name();

	String chineseName();

	/** Who decides here; null where the system acts. */
	Role role();

	/** The decisions allowed here; empty where nobody decides. */
	default Set<Decision> decisions() {
		return Set.of();
	}

	/** The role an overdue step is escalated to; it may then decide as well. */
	default Optional<Role> escalatesTo() {
		return Optional.empty();
	}
}
