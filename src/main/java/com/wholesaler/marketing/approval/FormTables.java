package com.wholesaler.marketing.approval;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tables for the task forms: Camunda Forms show a table from a JSON variable, so the task display
 * listeners put their rows there, and every form shows the approval sheet with the same columns.
 */
public final class FormTables {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private FormTables() {
	}

	/** The rows as a JSON variable value. */
	public static Object json(ObjectMapper json, Object rows) {
		try {
			return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The approval sheet's rows: time, step, event, actor (系統 for the system), comment. */
	public static List<Map<String, Object>> approvalSheet(List<? extends ApprovalSheetEntry> entries) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ApprovalSheetEntry e : entries) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("time", TIME.format(e.occurredAt()));
			row.put("step", e.stepName());
			row.put("event", e.typeName());
			row.put("actor", e.who());
			row.put("comment", e.comment() == null ? "" : e.comment());
			rows.add(row);
		}
		return rows;
	}
}
