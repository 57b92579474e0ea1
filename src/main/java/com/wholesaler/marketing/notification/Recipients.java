package com.wholesaler.marketing.notification;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/** The people a task is offered to: its assignee, else its candidate users and the members of its candidate groups. */
@Component
class Recipients {

	private final IdentityService identityService;

	Recipients(IdentityService identityService) {
		this.identityService = identityService;
	}

	Set<String> of(String assignee, Iterable<? extends IdentityLink> links) {
		Set<String> users = new TreeSet<>();
		if (assignee != null) {
			users.add(assignee);
			return users;
		}
		for (IdentityLink link : links) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getUserId() != null) {
				users.add(link.getUserId());
			}
			else if (link.getGroupId() != null) {
				identityService.createUserQuery().memberOfGroup(link.getGroupId()).list().stream().map(User::getId).forEach(users::add);
			}
		}
		return users;
	}
}
