package com.wholesaler.marketing.numbering;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out the next number of a series (a plan's month, a contract's year). The counter row is
 * updated before it is read, so two users starting a plan at once never get the same number; the
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
		if (increment(series) == 0) {
			try {
				savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO document_number (series, last_value) VALUES (:series, 1)")
						.param("series", series).update());
				return 1;
			}
			catch (DuplicateKeyException openedMeanwhile) {
				increment(series);
			}
		}
		return jdbc.sql("SELECT last_value FROM document_number WHERE series = :series")
				.param("series", series).query(Integer.class).single();
	}

	private int increment(String series) {
		return jdbc.sql("UPDATE document_number SET last_value = last_value + 1 WHERE series = :series")
				.param("series", series).update();
	}
}
