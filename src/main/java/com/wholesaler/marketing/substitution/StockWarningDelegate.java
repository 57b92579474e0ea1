package com.wholesaler.marketing.substitution;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.catalog.StockWarnings;

/**
 * The daily stock warning: a shortage case for each product under its warning level that has none
 * open, and the end of the limits of each product whose stock has recovered. It runs as a timer job
 * of the engine, so in a cluster one node runs it; a product's case number holds the day, so a second
 * run on the same day starts nothing twice.
 */
@Component
public class StockWarningDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(StockWarningDelegate.class);

	private final StockWarnings stockWarnings;
	private final ShortageCases cases;
	private final Catalog catalog;
	private final RuntimeService runtimeService;

	public StockWarningDelegate(StockWarnings stockWarnings, ShortageCases cases, Catalog catalog, RuntimeService runtimeService) {
		this.stockWarnings = stockWarnings;
		this.cases = cases;
		this.catalog = catalog;
		this.runtimeService = runtimeService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int started = 0;
		for (ProductStock warning : stockWarnings.current()) {
			String code = warning.product().code();
			if (cases.openCaseFor(code).isEmpty() && !cases.handledToday(code)) {
				Context.getCommandContext().runWithoutAuthorization(() -> runtimeService.startProcessInstanceByKey(
						ShortageProcess.PROCESS_ID, Map.of(ShortageProcess.PRODUCT_CODE, code)));
				started++;
			}
		}
		int recovered = 0;
		for (ShortageCase active : cases.activeCases()) {
			ProductStock stock = catalog.stockPosition(active.productCode()).orElseThrow();
			if (!stock.isBelowWarningLevel()) {
				runtimeService.createMessageCorrelation(ShortageProcess.MESSAGE_STOCK_RECOVERED)
						.processInstanceBusinessKey(active.caseNumber()).correlate();
				recovered++;
			}
		}
		execution.setVariable("casesStarted", started);
		execution.setVariable("casesRecovered", recovered);
		log.info("Stock warning: {} shortage case(s) started, {} ended because stock recovered", started, recovered);
	}

}
