package com.wholesaler.marketing.substitution;

import java.time.LocalDate;

/** A limit in force for the phone-ordering side: per retailer of the tier, per week. */
public record ActiveLimit(String productCode, String productName, int tier, int limitCartons, LocalDate validFrom,
		LocalDate validTo, String caseNumber) {
}
