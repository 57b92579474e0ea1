package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A task's own answers start empty: its choices (decision, action, acknowledgement) and its comment.
 * Tasklist fills a form from the case's variables, so without this the director's approval form
 * would open with the previous reviewer's decision already chosen and a REST completion without a
 * decision would carry it. Runs as every user task is created (EveryUserTask).
 */
class AnswersStartEmpty {

	private final EngineApiGuard guard;

	AnswersStartEmpty(EngineApiGuard guard) {
		this.guard = guard;
	}

	void clearAnswers(DelegateTask task) {
		for (String name : guard.formOfNewTask(task).answers()) {
			if (task.getExecution().hasVariable(name)) {
				task.getExecution().removeVariable(name);
			}
		}
	}
}
