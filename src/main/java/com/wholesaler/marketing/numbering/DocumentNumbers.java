package com.wholesaler.marketing.numbering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the next number of a series (a plan's month, a contract's year). The counter row is
 * updated before it is read, so two users starting a plan at once never get the same number.
 */
@Service
public class DocumentNumbers {

	private final JdbcClient jdbc;

	public DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public int next(String series) {
		int updated = jdbc.sql("UPDATE document_number SET last_value = last_value + 1 WHERE series = :series")
				.param("series", series).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO document_number (series, last_value) VALUES (:series, 1)")
					.param("series", series).update();
			return 1;
		}
		return jdbc.sql("SELECT last_value FROM document_number WHERE series = :series")
				.param("series", series).query(Integer.class).single();
	}
}
