package com.wholesaler.marketing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;

import com.wholesaler.marketing.approval.FormSchema;

/**
 * What Tasklist sends when a person submits a task's form: every field of the form, filled in from
 * the task's variables as Tasklist shows them, with the person's changes on top.
 */
public final class TasklistForm {

	private TasklistForm() {
	}

	public static Map<String, Object> submission(ProcessEngine engine, String taskId, Map<String, Object> changes) {
		FormService formService = engine.getFormService();
		TaskService taskService = engine.getTaskService();
		FormSchema form;
		try (InputStream in = formService.getDeployedTaskForm(taskId)) {
			form = FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, Object> sent = new HashMap<>();
		taskService.getVariables(taskId, form.keys()).forEach((name, value) -> {
			if (value != null) {
				sent.put(name, value);
			}
		});
		sent.putAll(changes);
		return sent;
	}
}
