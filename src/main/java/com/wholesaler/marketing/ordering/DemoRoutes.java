package com.wholesaler.marketing.ordering;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.identity.DemoUser;
import com.wholesaler.marketing.identity.Role;

/** The demo company's retailers get their ordering days and routes once, after the catalog is loaded; the demo clerks call them. */
@Component
@Order(20)
@ConditionalOnProperty(name = "marketing.demo-data", havingValue = "true")
class DemoRoutes implements ApplicationRunner {

	private final Routes routes;

	DemoRoutes(Routes routes) {
		this.routes = routes;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!routes.any()) {
			routes.spreadEvenly(DemoUser.ALL.stream().filter(u -> u.groupId().equals(Role.PHONE_CLERK.groupId())).map(DemoUser::id).toList());
		}
	}
}
