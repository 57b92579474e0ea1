package com.wholesaler.marketing.purchaseplan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Fills the plan with the suggested quantities from sales, safety stock, stock and goods in transit. */
@Component
public class ProposeQuantitiesDelegate implements JavaDelegate {

	private final PurchasePlans plans;

	public ProposeQuantitiesDelegate(PurchasePlans plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int lines = plans.proposeQuantities((String) execution.getVariable(PurchasePlanProcess.PLAN_NUMBER));
		execution.setVariable("proposedLines", lines);
	}
}
