package com.wholesaler.marketing.ordering;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The steps of limit-exception.bpmn, each a bean it names: thin, each calls LimitExceptions. */
public final class LimitExceptionSteps {

	static final String NUMBER = "exceptionNumber";

	private LimitExceptionSteps() {
	}

	/** Whether the stored exception was approved: the path after the decision. Reads only. */
	@Component("limitExceptionCase")
	@ModelExpression
	public static class Model {
		private final LimitExceptions exceptions;

		Model(LimitExceptions exceptions) {
			this.exceptions = exceptions;
		}

		public boolean approved(String number) {
			return exceptions.exception(number).status() == LimitExceptions.Status.APPROVED;
		}
	}

	@Component("limitExceptionDecisionListener")
	public static class Decide extends TaskAnswerListener {
		private final LimitExceptions exceptions;

		Decide(LimitExceptions exceptions) {
			this.exceptions = exceptions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			exceptions.decide((String) execution.getVariable(NUMBER), execution.getVariable("decision"), (String) execution.getVariable("comment"));
		}
	}

	/** What the review form shows, read from the exception as the task is created. */
	@Component("limitExceptionDisplay")
	public static class Display implements TaskListener {
		private final LimitExceptions exceptions;
		private final ObjectMapper json;

		Display(LimitExceptions exceptions, ObjectMapper json) {
			this.exceptions = exceptions;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			LimitExceptions.LimitException e = exceptions.exception((String) task.getVariable(NUMBER));
			task.setVariableLocal("exceptionSummary", "%s %s 本週（%s 起）%s %s 申請在限量之外多訂 %d 條；申請人 %s；理由：%s".formatted(e.retailerCode(),
					e.retailerName(), e.weekStart(), e.productCode(), e.productName(), e.extraCartons(), e.askedBy(), e.reason()));
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(exceptions.history(e.exceptionNumber()))));
		}
	}
}
