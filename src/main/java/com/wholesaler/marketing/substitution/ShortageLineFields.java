package com.wholesaler.marketing.substitution;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.LinesField;
import com.wholesaler.marketing.approval.LinesField.Column;
import com.wholesaler.marketing.catalog.Retailer;

/** The changed limits of a shortage draft that the portal offers as a table. */
@Configuration(proxyBeanMethods = false)
class ShortageLineFields {

	@Bean
	LinesField limitChanges() {
		return new LinesField(ShortageProcess.LIMIT_CHANGES, "調整限量 (changed limits)",
				List.of(Column.number("檔位"), Column.number("限量（條）")),
				line -> ShortageSteps.limitChanges(line).forEach(ShortageLineFields::possible));
	}

	private static void possible(LimitChange change) {
		if (change.tier() < Retailer.LOWEST_TIER || change.tier() > Retailer.HIGHEST_TIER) {
			throw new BusinessRuleException("檔位 %d 不存在，只有 1–30 檔 (tiers are 1-30)".formatted(change.tier()));
		}
		if (change.limit() < 0) {
			throw new BusinessRuleException("%s %d 檔的限量必須是不小於零的整數 (limits are whole cartons ≥ 0)".formatted(change.productCode(), change.tier()));
		}
	}
}
