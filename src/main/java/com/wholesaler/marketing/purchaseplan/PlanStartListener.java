package com.wholesaler.marketing.purchaseplan;

import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.DRAFTER;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.NOTE;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.PERIOD;
import static com.wholesaler.marketing.purchaseplan.PurchasePlanProcess.PLAN_NUMBER;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.EngineErrors;

/**
 * Opens the plan record when the process starts. Tasklist's start form sends no business key, so
 * the plan number becomes the business key here.
 */
@Component
public class PlanStartListener implements ExecutionListener {

	private final PurchasePlans plans;
	private final CurrentUser currentUser;

	public PlanStartListener(PurchasePlans plans, CurrentUser currentUser) {
		this.plans = plans;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateExecution execution) {
		EngineErrors.refuseOnRuleViolation(() -> {
			String drafter = currentUser.id();
			String planNumber = plans.create(period(execution.getVariable(PERIOD)), (String) execution.getVariable(NOTE), drafter);
			plans.attachProcess(planNumber, execution.getProcessInstanceId());
			execution.setProcessBusinessKey(planNumber);
			execution.setVariable(PLAN_NUMBER, planNumber);
			execution.setVariable(DRAFTER, drafter);
		});
	}

	private static YearMonth period(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(value.toString().trim());
		}
		catch (DateTimeParseException e) {
			throw new BusinessRuleException("計畫月份「%s」格式不對，請填寫 YYYY-MM，例如 2026-12 (period must be YYYY-MM)".formatted(value));
		}
	}
}
