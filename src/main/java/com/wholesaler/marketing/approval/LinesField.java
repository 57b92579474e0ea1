package com.wholesaler.marketing.approval;

import java.util.List;
import java.util.function.Consumer;

/**
 * A form field that takes one product per line as text ("P0001 410.00 460.00"), declared by the
 * capability that reads it, so that the portal can offer it as a table: a product found by code or
 * name in the first column, the other columns as headed, each row checked by the capability's own
 * reading of a line before anything is saved.
 *
 * @param key     the form field's key
 * @param title   what the lines are, in Chinese with English after it
 * @param columns the headings after the product's, in the order a line takes them
 * @param check   reads one line as the task's completion will, refusing it with a BusinessRuleException
 */
public record LinesField(String key, String title, List<Column> columns, Consumer<String> check) {

	/** A column after the product's; an optional one may stay empty, as the last ones of a line may. */
	public record Column(String heading, boolean required, boolean number) {

		public static Column number(String heading) {
			return new Column(heading, true, true);
		}

		public static Column optionalNumber(String heading) {
			return new Column(heading, false, true);
		}

		public static Column optionalText(String heading) {
			return new Column(heading, false, false);
		}
	}
}
