package com.wholesaler.marketing.ordering;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.catalog.BusinessTime;

/** The steps of weekly-demand-summary.bpmn (定期將客戶需求資訊傳遞至相關部門), each a bean it names. */
public final class DemandSummarySteps {

	static final String WEEK_FROM = "weekFrom";
	static final String WEEK_TO = "weekTo";
	static final String SUMMARY = "demandSummary";

	/** The products the form lists: the most unmet first. */
	static final int ROWS = 15;

	private DemandSummarySteps() {
	}

	/** Last week, Monday to Sunday, by the engine's clock: its totals, and the week as the business key. */
	@Component("summarizeDemandDelegate")
	public static class Summarize implements JavaDelegate {
		private final UnmetDemand demand;

		Summarize(UnmetDemand demand) {
			this.demand = demand;
		}

		@Override
		public void execute(DelegateExecution execution) {
			LocalDate today = BusinessTime.date(ClockUtil.getCurrentTime());
			LocalDate from = OrderWeek.of(today).minusWeeks(1);
			LocalDate to = from.plusDays(6);
			List<UnmetDemand.ProductDemand> products = demand.byProduct(from, to);
			long ordered = products.stream().mapToLong(UnmetDemand.ProductDemand::ordered).sum();
			long beyondLimit = products.stream().mapToLong(UnmetDemand.ProductDemand::beyondLimit).sum();
			long beyondStock = products.stream().mapToLong(UnmetDemand.ProductDemand::beyondStock).sum();
			long unmetProducts = products.stream().filter(p -> p.unmet() > 0).count();
			execution.setVariable(WEEK_FROM, from.toString());
			execution.setVariable(WEEK_TO, to.toString());
			execution.setVariable(SUMMARY, "訂貨 %,d 條，共 %d 個規格；未滿足 %,d 條（超限量 %,d 條，缺庫存 %,d 條），涉及 %d 個規格。"
					.formatted(ordered, products.stream().filter(p -> p.ordered() > 0).count(), beyondLimit + beyondStock, beyondLimit, beyondStock,
							unmetProducts));
			execution.setProcessBusinessKey("DS-" + from.toString().replace("-", ""));
		}
	}

	/** The week's products with the most unmet demand, read as each task is created. */
	@Component("demandSummaryDisplay")
	public static class Display implements TaskListener {
		private final UnmetDemand demand;
		private final ObjectMapper json;

		Display(UnmetDemand demand, ObjectMapper json) {
			this.demand = demand;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			LocalDate from = LocalDate.parse((String) task.getVariable(WEEK_FROM));
			LocalDate to = LocalDate.parse((String) task.getVariable(WEEK_TO));
			task.setVariableLocal("demandRows", FormTables.json(json, demand.byProduct(from, to).stream().limit(ROWS).map(p -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("product", p.productCode() + " " + p.productName());
				row.put("ordered", p.ordered());
				row.put("beyondLimit", p.beyondLimit());
				row.put("beyondStock", p.beyondStock());
				row.put("retailers", p.retailersUnmet());
				return row;
			}).toList()));
		}
	}
}
