package com.wholesaler.marketing.salesplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The steps of regional-follow-up.bpmn, each a bean it names: thin, each calls RegionalFollowUps. */
public final class FollowUpSteps {

	static final String NUMBER = "followUpNumber";

	private FollowUpSteps() {
	}

	@Component("followUpAnswerListener")
	public static class Answer extends TaskAnswerListener {
		private final RegionalFollowUps followUps;

		Answer(RegionalFollowUps followUps) {
			this.followUps = followUps;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			followUps.answer((String) execution.getVariable(NUMBER), (String) execution.getVariable("measures"));
		}
	}

	@Component("followUpReminder")
	public static class Remind implements JavaDelegate {
		private final RegionalFollowUps followUps;

		Remind(RegionalFollowUps followUps) {
			this.followUps = followUps;
		}

		@Override
		public void execute(DelegateExecution execution) {
			followUps.remind((String) execution.getVariable(NUMBER));
		}
	}

	/** What the form shows, read from the stored follow-up. */
	@Component("followUpDisplay")
	public static class Display implements TaskListener {
		private final RegionalFollowUps followUps;
		private final SalesPlans plans;
		private final ObjectMapper json;

		Display(RegionalFollowUps followUps, SalesPlans plans, ObjectMapper json) {
			this.followUps = followUps;
			this.plans = plans;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			RegionalFollowUps.FollowUp f = followUps.followUp((String) task.getVariable(NUMBER));
			String region = plans.units().stream().filter(u -> u.code().equals(f.unitCode())).map(SalesPlans.Unit::name).findFirst()
					.orElse(f.unitCode());
			task.setVariableLocal("caseSummary", "%s %s：計畫 %,d 條，已訂 %,d 條，按目前進度預計 %,d 條（%.0f%%）。%s 督辦%s".formatted(region, f.planNumber(),
					f.planned(), f.actual(), f.projected(), f.planned() == 0 ? 0 : f.projected() * 100.0 / f.planned(), f.requestedBy(),
					f.note() == null ? "" : "：" + f.note()));
			task.setVariableLocal("planUrl", "/sales-plans/" + f.planNumber());
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(plans.history(f.number()))));
		}
	}
}
