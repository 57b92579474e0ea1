package com.wholesaler.marketing.approval;

import java.util.Optional;
import java.util.Set;

import com.wholesaler.marketing.identity.Role;

/**
 * A step of a process as the approval core sees it: what the users call it, the role that decides
 * there and the decisions it allows. Each process declares its steps as an enum whose constants
 * carry a {@link Definition}; steps nobody decides (a draft, the system's checks) allow no decision.
 */
public interface ApprovalStep {

	/** What a step is: its name as the users say it, who decides there (null: the system), what they may decide. */
	record Definition(String chineseName, Role role, Set<Decision> decisions) {

		public static Definition decidedBy(String chineseName, Role role, Decision... decisions) {
			return new Definition(chineseName, role, Set.of(decisions));
		}

		public static Definition doneBy(String chineseName, Role role) {
			return new Definition(chineseName, role, Set.of());
		}
	}

	/** The step's id, stored on the approval sheet. */
	String name();

	Definition definition();

	default String chineseName() {
		return definition().chineseName();
	}

	/** Who decides here; null where the system acts. */
	default Role role() {
		return definition().role();
	}

	/** The decisions allowed here; empty where nobody decides. */
	default Set<Decision> decisions() {
		return definition().decisions();
	}

	/** The role an overdue step is escalated to; it may then decide as well. */
	default Optional<Role> escalatesTo() {
		return Optional.empty();
	}
}
