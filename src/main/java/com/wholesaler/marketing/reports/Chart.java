package com.wholesaler.marketing.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * What a report page hands to ECharts (static/js/report-chart.js draws it): categories along the
 * bottom and named series of numbers; a series on axis 1 is read on the right-hand axis in per cent.
 */
public record Chart(List<String> categories, List<Series> series, String unit) {

	public record Series(String name, String type, String stack, List<Number> data, int axis) {
	}

	public Chart(List<String> categories, String unit) {
		this(categories, new ArrayList<>(), unit);
	}

	public Chart bars(String name, List<? extends Number> data) {
		series.add(new Series(name, "bar", null, nulls(data), 0));
		return this;
	}

	public Chart stacked(String name, List<? extends Number> data) {
		series.add(new Series(name, "bar", "total", nulls(data), 0));
		return this;
	}

	public Chart line(String name, List<? extends Number> data) {
		series.add(new Series(name, "line", null, nulls(data), 0));
		return this;
	}

	/** A line in per cent on the right-hand axis: the numbers are fractions (0.12 is 12 %). */
	public Chart percentLine(String name, List<? extends Number> fractions) {
		List<Number> percent = new ArrayList<>();
		for (Number n : fractions) {
			percent.add(n == null ? null : Math.round(n.doubleValue() * 1000) / 10.0);
		}
		series.add(new Series(name, "line", null, percent, 1));
		return this;
	}

	/** List.copyOf refuses nulls; a gap in a series is a null. */
	private static List<Number> nulls(List<? extends Number> data) {
		List<Number> copy = new ArrayList<>();
		for (Number n : data) {
			copy.add(n instanceof Double d ? Math.round(d * 10) / 10.0 : n);
		}
		return copy;
	}
}
