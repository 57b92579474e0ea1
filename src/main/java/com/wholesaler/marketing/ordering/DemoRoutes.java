package com.wholesaler.marketing.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.identity.DemoUser;
import com.wholesaler.marketing.identity.Role;

/**
 * The demo company's retailers get their ordering days and routes once, after the catalog is loaded,
 * and the demo clerks have called them on those days for as long as the sales history goes back
 * (DemoOrderHistory).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "marketing.demo-data", havingValue = "true")
class DemoRoutes implements ApplicationRunner {

	private final Routes routes;
	private final JdbcTemplate jdbc;
	private final Clock clock;

	private final PlatformTransactionManager transactions;

	private final int historyDays;

	DemoRoutes(Routes routes, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions,
			@Value("${marketing.demo.order-history-days:91}") int historyDays) {
		this.historyDays = historyDays;
		this.routes = routes;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!routes.any()) {
			routes.spreadEvenly(DemoUser.ALL.stream().filter(u -> u.groupId().equals(Role.PHONE_CLERK.groupId())).map(DemoUser::id).toList());
		}
		if (jdbc.queryForObject("SELECT COUNT(*) FROM phone_order", Long.class) == 0) {
			new DemoOrderHistory(jdbc, transactions).write(LocalDate.now(clock), historyDays);
		}
	}
}
