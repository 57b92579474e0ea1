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

/** The steps of brand-promotion.bpmn, each a bean it names: thin, each calls {@link BrandPromotions}. */
public final class PromotionSteps {

	static final String NUMBER = "promotionNumber";
	static final String TASK_REVISE = "Task_RevisePromotion";
	static final String TASK_RESULTS = "Task_RecordResults";

	private PromotionSteps() {
	}

	static BrandPromotions.Draft draft(DelegateExecution e) {
		return BrandPromotions.Draft.of(e.getVariable("kind"), e.getVariable("brand"), e.getVariable("products"), e.getVariable("startsOn"),
				e.getVariable("endsOn"), e.getVariable("targetTiers"), e.getVariable("regions"), e.getVariable("budget"),
				e.getVariable("manufacturerShare"), e.getVariable("description"));
	}

	@Component("promotionStartListener")
	public static class Start implements ExecutionListener {
		private final BrandPromotions promotions;

		Start(BrandPromotions promotions) {
			this.promotions = promotions;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = promotions.propose(draft(execution));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
				execution.setVariable("drafter", promotions.promotion(number).drafter());
			});
		}
	}

	/** The gateways' and the timer's questions, answered from the stored promotion. */
	@Component("promotionCase")
	@ModelExpression
	public static class Model {
		private final BrandPromotions promotions;

		Model(BrandPromotions promotions) {
			this.promotions = promotions;
		}

		public boolean reviewed(String number) {
			return promotions.promotion(number).status() == BrandPromotions.Status.APPROVING;
		}

		public boolean approved(String number) {
			return promotions.promotion(number).status() == BrandPromotions.Status.APPROVED;
		}

		public boolean withdrawn(String number) {
			return promotions.promotion(number).status() == BrandPromotions.Status.WITHDRAWN;
		}

		public java.util.Date resultsDueAt(String number) {
			return promotions.resultsDueAt(number);
		}
	}

	@Component("promotionReviewListener")
	public static class Review extends TaskAnswerListener {
		private final BrandPromotions promotions;

		Review(BrandPromotions promotions) {
			this.promotions = promotions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			promotions.decide((String) execution.getVariable(NUMBER), PromotionStep.REVIEW, execution.getVariable("decision"),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("promotionApprovalListener")
	public static class Approve extends TaskAnswerListener {
		private final BrandPromotions promotions;

		Approve(BrandPromotions promotions) {
			this.promotions = promotions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			promotions.decide((String) execution.getVariable(NUMBER), PromotionStep.APPROVE, execution.getVariable("decision"),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("promotionReviseListener")
	public static class Revise extends TaskAnswerListener {
		private final BrandPromotions promotions;

		Revise(BrandPromotions promotions) {
			this.promotions = promotions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			promotions.revise((String) execution.getVariable(NUMBER), execution.getVariable("reviseAction"), () -> draft(execution),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("promotionResultsListener")
	public static class Results extends TaskAnswerListener {
		private final BrandPromotions promotions;

		Results(BrandPromotions promotions) {
			this.promotions = promotions;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			promotions.recordResults((String) execution.getVariable(NUMBER), execution.getVariable("attendance"),
					(String) execution.getVariable("resultNote"));
		}
	}

	/** What the forms show, read from the stored promotion; the revise form gets it to edit, the results task the orders before and after. */
	@Component("promotionDisplay")
	public static class Display implements TaskListener {
		private final BrandPromotions promotions;
		private final ObjectMapper json;

		Display(BrandPromotions promotions, ObjectMapper json) {
			this.promotions = promotions;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			String number = (String) task.getVariable(NUMBER);
			BrandPromotions.Promotion p = promotions.promotion(number);
			BrandPromotions.Draft d = p.draft();
			task.setVariableLocal("caseSummary", p.status().chineseName() + "。" + BrandPromotions.summary(d));
			task.setVariableLocal("brandUrl", "/brands/" + d.brand());
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(promotions.history(number))));
			if (TASK_REVISE.equals(task.getTaskDefinitionKey())) {
				task.setVariable("kind", d.kind().name());
				task.setVariable("brand", d.brand());
				task.setVariable("products", String.join(" ", d.products()));
				task.setVariable("startsOn", d.startsOn().toString());
				task.setVariable("endsOn", d.endsOn().toString());
				task.setVariable("targetTiers", d.tiers().toString());
				task.setVariable("regions", String.join(" ", d.regions()));
				task.setVariable("budget", d.budget().toPlainString());
				task.setVariable("manufacturerShare", d.manufacturerShare().toPlainString());
				task.setVariable("description", d.description());
			}
			if (TASK_RESULTS.equals(task.getTaskDefinitionKey())) {
				BrandPromotions.Effect e = promotions.effect(d);
				task.setVariableLocal("effectSummary", "目標客戶（%s 檔，%s）訂購 %s：活動前 %d 週 %,d 條（%d 家），活動後 %d 週 %,d 條（%d 家）。".formatted(
						d.tiers(), d.regions().isEmpty() ? "全部區域" : String.join("、", d.regions()), String.join("、", d.products()),
						BrandPromotions.WEEKS_COMPARED, e.cartonsBefore(), e.retailersBefore(), BrandPromotions.WEEKS_COMPARED, e.cartonsAfter(),
						e.retailersAfter()));
			}
		}
	}
}
