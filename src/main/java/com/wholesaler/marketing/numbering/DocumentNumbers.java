package com.wholesaler.marketing.numbering;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out the next number of a series (a plan's month, a contract's year). The counter row is
 * updated and its new value returned by the same statement, so two users starting a plan at once
 * never get the same number (and a case drafting many documents pays one round trip each); the
 * first number of a series is inserted under a savepoint, so when two starts open the same new
 * series at once the second one counts on from the first instead of failing on the duplicate row.
 */
@Service
public class DocumentNumbers {

	private final JdbcClient jdbc;
	private final TransactionTemplate savepoint;

	public DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public int next(String series) {
		Integer next = increment(series);
		if (next == null) {
			try {
				savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO document_number (series, last_value) VALUES (:series, 1)")
						.param("series", series).update());
				return 1;
			}
			catch (DuplicateKeyException openedMeanwhile) {
				next = increment(series);
			}
		}
		return next;
	}

	/** The series' counter moved on by one and read back in the same statement (the row's new value), null for a new series. */
	private Integer increment(String series) {
		KeyHolder counter = new GeneratedKeyHolder();
		int updated = jdbc.sql("UPDATE document_number SET last_value = last_value + 1 WHERE series = :series")
				.param("series", series).update(counter, "last_value");
		return updated == 0 ? null : counter.getKeyAs(Integer.class);
	}
}
