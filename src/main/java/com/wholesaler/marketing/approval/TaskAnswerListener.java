package com.wholesaler.marketing.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The end listener of a user task that records what the person answered. When the task ends
 * because it was cancelled (a boundary timer or message, the termination of a contract) nobody
 * answered, so nothing is recorded. A refused business rule reaches the user as its message and
 * rolls the completion back (EngineErrors).
 */
public abstract class TaskAnswerListener implements ExecutionListener {

	@Override
	public final void notify(DelegateExecution execution) {
		if (execution.isCanceled()) {
			return;
		}
		EngineErrors.refuseOnRuleViolation(() -> answered(execution));
	}

	/** Records the answer; throws BusinessRuleException, in the user's words, to refuse it. */
	protected abstract void answered(DelegateExecution execution);
}
