package com.wholesaler.marketing.ordering;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;
import com.wholesaler.marketing.identity.Role;

/** The steps of retailer-feedback.bpmn, each a bean it names: thin, each calls RetailerFeedbacks. */
public final class FeedbackSteps {

	static final String NUMBER = "feedbackNumber";

	private FeedbackSteps() {
	}

	/** What the model reads of a feedback: who answers it now, whether it is answered, who recorded it. Reads only. */
	@Component("feedbackCase")
	@ModelExpression
	public static class Model {
		private final RetailerFeedbacks feedbacks;

		Model(RetailerFeedbacks feedbacks) {
			this.feedbacks = feedbacks;
		}

		public String answeringGroup(String number) {
			return feedbacks.feedback(number).answeringGroup();
		}

		public boolean answered(String number) {
			return feedbacks.feedback(number).status() != RetailerFeedbacks.Status.OPEN;
		}

		public String recorder(String number) {
			return feedbacks.feedback(number).recordedBy();
		}
	}

	/** Keeps the rules table's department on the feedback, as the rule ends. */
	@Component("feedbackRouteListener")
	public static class Route implements ExecutionListener {
		private final RetailerFeedbacks feedbacks;

		Route(RetailerFeedbacks feedbacks) {
			this.feedbacks = feedbacks;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> feedbacks.routed((String) execution.getVariable(NUMBER), execution.getVariable("routedTo")));
		}
	}

	/** The department answers or passes on. */
	@Component("feedbackAnswerListener")
	public static class Answer extends TaskAnswerListener {
		private final RetailerFeedbacks feedbacks;
		private final CurrentUser currentUser;

		Answer(RetailerFeedbacks feedbacks, CurrentUser currentUser) {
			this.feedbacks = feedbacks;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			feedbacks.answerOrPassOn((String) execution.getVariable(NUMBER), currentUser.actor(), (String) execution.getVariable("feedbackAction"),
					(String) execution.getVariable("answer"), (String) execution.getVariable("passTo"), (String) execution.getVariable("passComment"));
		}
	}

	/** The clerk told the retailer. */
	@Component("feedbackToldListener")
	public static class Told extends TaskAnswerListener {
		private final RetailerFeedbacks feedbacks;
		private final CurrentUser currentUser;

		Told(RetailerFeedbacks feedbacks, CurrentUser currentUser) {
			this.feedbacks = feedbacks;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			feedbacks.told((String) execution.getVariable(NUMBER), currentUser.actor());
		}
	}

	/** What the forms show, read from the feedback as each task is created. */
	@Component("feedbackDisplay")
	public static class Display implements TaskListener {
		private final RetailerFeedbacks feedbacks;
		private final ObjectMapper json;

		Display(RetailerFeedbacks feedbacks, ObjectMapper json) {
			this.feedbacks = feedbacks;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			RetailerFeedbacks.Feedback f = feedbacks.feedback((String) task.getVariable(NUMBER));
			task.setVariableLocal("feedbackSummary", "%s（%s）· %s%s：%s".formatted(f.retailerCode() == null ? "無客戶" : f.retailerCode() + " " + f.retailerName(), f.recordedBy(),
					f.topicName(), f.productCode() == null ? "" : " · " + f.productCode(), f.text()));
			task.setVariableLocal("feedbackAnswer", f.answer() == null ? "—" : "%s（%s %s）".formatted(f.answer(), f.answeringDepartment(),
					f.answeredBy()));
			task.setVariableLocal("feedbackHistory", FormTables.json(json, feedbacks.steps(f.feedbackNumber()).stream().map(s -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("at", s.at().withNano(0).toString().replace('T', ' '));
				row.put("step", switch (s.step()) {
					case "RECORDED" -> "記錄";
					case "ROUTED" -> "按規則交";
					case "PASSED_ON" -> "轉交";
					case "ANSWERED" -> "答覆";
					default -> "告知客戶";
				});
				row.put("actor", s.actor());
				row.put("to", s.toGroup() == null ? "" : Role.ofGroupId(s.toGroup()).map(Role::chineseName).orElse(s.toGroup()));
				row.put("comment", s.comment() == null ? "" : s.comment());
				return row;
			}).toList()));
		}
	}
}
