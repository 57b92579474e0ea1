package com.wholesaler.marketing.pricing;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.wholesaler.marketing.approval.LinesField;
import com.wholesaler.marketing.approval.LinesField.Column;

/** The proposed prices that the portal offers as a table while a proposal is revised. */
@Configuration(proxyBeanMethods = false)
class PriceLineFields {

	@Bean
	LinesField proposedPrices() {
		return new LinesField(PriceAdjustmentProcess.LINES, "建議價格（元／條）(proposed prices)",
				List.of(Column.number("批發價"), Column.number("零售價"), Column.optionalNumber("調撥價")),
				line -> PriceForms.prices(line, "proposedWholesale", "proposedRetail"));
	}
}
