package com.wholesaler.marketing.substitution;

import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;

/**
 * What the gateway after the approval rule asks, answered from the stored case at the moment the
 * gateway is reached: never from a variable a task could have sent.
 */
@Component("shortageRoute")
@ModelExpression
public class ShortageRoute {

	private final ShortageCases cases;

	ShortageRoute(ShortageCases cases) {
		this.cases = cases;
	}

	public boolean needsDirector(String caseNumber) {
		return cases.shortageCase(caseNumber).needsDirector();
	}

	/** Whether the case's limits are in force: after a refused re-plan its plan goes on as before. */
	public boolean active(String caseNumber) {
		return cases.shortageCase(caseNumber).status() == ShortageStatus.ACTIVE;
	}
}
