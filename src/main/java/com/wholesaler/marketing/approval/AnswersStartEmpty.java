package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A task's own answers start empty: its choices (decision, action, acknowledgement) and its comment.
 * Tasklist fills a form from the case's variables, so without this the director's approval form
 * would open with the previous reviewer's decision already chosen and a REST completion without a
 * decision would carry it; the gateway after the task then reads only what this step answered.
 */
class AnswersStartEmpty extends AbstractBpmnParseListener {

	private final EngineApiGuard guard;

	AnswersStartEmpty(EngineApiGuard guard) {
		this.guard = guard;
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
			userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::clearAnswers);
		}
	}

	private void clearAnswers(DelegateTask task) {
		for (String name : guard.formOfNewTask(task).answers()) {
			if (task.getExecution().hasVariable(name)) {
				task.getExecution().removeVariable(name);
			}
		}
	}
}
