package com.wholesaler.marketing.brands;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The steps of brand-introduction.bpmn, each a bean it names: thin, each calls BrandIntroductions. */
public final class IntroductionSteps {

	static final String NUMBER = "introductionNumber";

	private IntroductionSteps() {
	}

	/** The proposal as the start and revise forms hold it. */
	static BrandIntroductions.Proposal proposal(DelegateExecution e) {
		return BrandIntroductions.Proposal.of(e.getVariable("manufacturerCode"), e.getVariable("brand"), e.getVariable("productName"),
				e.getVariable("allocationPrice"), e.getVariable("wholesalePrice"), e.getVariable("retailPrice"), e.getVariable("monthlyVolume"),
				e.getVariable("targetTiers"), e.getVariable("reason"));
	}

	@Component("introductionStartListener")
	public static class Start implements ExecutionListener {
		private final BrandIntroductions introductions;

		Start(BrandIntroductions introductions) {
			this.introductions = introductions;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = introductions.propose(proposal(execution));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
				execution.setVariable("drafter", introductions.introduction(number).drafter());
			});
		}
	}

	@Component("introductionCase")
	@ModelExpression
	public static class Model {
		private final BrandIntroductions introductions;

		Model(BrandIntroductions introductions) {
			this.introductions = introductions;
		}

		public boolean reviewed(String number) {
			return introductions.introduction(number).status() == BrandIntroductions.Status.APPROVING;
		}

		public boolean approved(String number) {
			return introductions.introduction(number).status() == BrandIntroductions.Status.APPROVED;
		}

		public boolean withdrawn(String number) {
			return introductions.introduction(number).status() == BrandIntroductions.Status.WITHDRAWN;
		}
	}

	@Component("introductionEvaluateListener")
	public static class Evaluate extends TaskAnswerListener {
		private final BrandIntroductions introductions;

		Evaluate(BrandIntroductions introductions) {
			this.introductions = introductions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			introductions.evaluate((String) execution.getVariable(NUMBER), (String) execution.getVariable("evaluation"),
					execution.getVariable("evaluationScore"));
		}
	}

	@Component("introductionReviewListener")
	public static class Review extends TaskAnswerListener {
		private final BrandIntroductions introductions;

		Review(BrandIntroductions introductions) {
			this.introductions = introductions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			introductions.decide((String) execution.getVariable(NUMBER), IntroductionStep.REVIEW, execution.getVariable("decision"),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("introductionApprovalListener")
	public static class Approve extends TaskAnswerListener {
		private final BrandIntroductions introductions;

		Approve(BrandIntroductions introductions) {
			this.introductions = introductions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			introductions.decide((String) execution.getVariable(NUMBER), IntroductionStep.APPROVE, execution.getVariable("decision"),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("introductionReviseListener")
	public static class Revise extends TaskAnswerListener {
		private final BrandIntroductions introductions;

		Revise(BrandIntroductions introductions) {
			this.introductions = introductions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			introductions.revise((String) execution.getVariable(NUMBER), execution.getVariable("reviseAction"), () -> proposal(execution),
					(String) execution.getVariable("note"));
		}
	}

	@Component("introductionDisplay")
	public static class Display implements TaskListener {
		private final BrandIntroductions introductions;
		private final ObjectMapper json;

		Display(BrandIntroductions introductions, ObjectMapper json) {
			this.introductions = introductions;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			BrandIntroductions.Introduction i = introductions.introduction((String) task.getVariable(NUMBER));
			task.setVariableLocal("caseSummary", BrandIntroductions.summary(i.proposal())
					+ (i.evaluation() == null ? "" : "。品牌管理員評估（%d 分）：%s".formatted(i.evaluationScore(), i.evaluation())));
			task.setVariableLocal("brandUrl", "/manufacturers/" + i.proposal().manufacturerCode());
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(introductions.history(i.number()))));
		}
	}
}
