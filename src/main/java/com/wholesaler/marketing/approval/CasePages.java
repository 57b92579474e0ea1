package com.wholesaler.marketing.approval;

/** Where a case's own page is, by the process that carries it: the page with its figures and approval sheet. */
public final class CasePages {

	private CasePages() {
	}

	/** The page of a case, or null where its process has none (the order department's daily work). */
	public static String url(String processKey, String caseNumber) {
		if (caseNumber == null || processKey == null) {
			return null;
		}
		return switch (processKey) {
			case "purchasePlanApproval" -> "/plans/" + caseNumber;
			case "contractSigning" -> "/contracts/" + caseNumber;
			case "contractAmendment" -> "/contracts/" + caseNumber.replaceFirst("-B\\d+$", "");
			case "priceAdjustment" -> "/prices/proposals/" + caseNumber;
			case "priceNotice" -> "/prices/notices/" + caseNumber;
			case "shortageSubstitution" -> "/shortages/" + caseNumber;
			case "annualTargets" -> "/targets/" + caseNumber;
			case "salesPlanApproval" -> "/sales-plans/" + caseNumber;
			case "workPlan" -> "/work-plans/" + caseNumber;
			case "monthlyReport" -> "/reports/packs/" + caseNumber;
			case "brandCultivation" -> "/brands/cultivations/" + caseNumber;
			case "brandPromotion" -> "/brands/promotions/" + caseNumber;
			default -> null;
		};
	}
}
