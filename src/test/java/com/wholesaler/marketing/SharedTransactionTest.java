package com.wholesaler.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Engine and domain writes share one transaction: a failure undoes both. */
@IntegrationTest
class SharedTransactionTest {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aFailureAfterBothWritesLeavesNeitherBehind() {
		Integer onHandBefore = jdbc.queryForObject("SELECT on_hand FROM stock WHERE product_code = 'P0001'", Integer.class);

		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			jdbc.update("UPDATE stock SET on_hand = on_hand + 100 WHERE product_code = 'P0001'");
			runtimeService.startProcessInstanceByKey("sampleReview", "SAMPLE-ROLLBACK");
			throw new IllegalStateException("something went wrong after both writes");
		})).hasMessageContaining("after both writes");

		assertThat(jdbc.queryForObject("SELECT on_hand FROM stock WHERE product_code = 'P0001'", Integer.class))
				.isEqualTo(onHandBefore);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("SAMPLE-ROLLBACK").count())
				.isZero();
	}
}
