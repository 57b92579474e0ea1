package com.wholesaler.marketing.pricing;

import static com.wholesaler.marketing.pricing.PriceAdjustmentProcess.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.ProductStock;
import com.wholesaler.marketing.approval.AdministratorInterventions;

/**
 * Puts what the price forms show on each task when it is created, read from the proposal record:
 * the prices with their changes, warnings and evidence (sales trend, cover, price class), and the
 * history. The revise task also gets the proposal's rows to edit. The previous step's answers are cleared.
 */
@Component
public class PriceTaskDisplay implements TaskListener {

	private final PriceProposals proposals;
	private final Catalog catalog;
	private final ObjectMapper json;
	private final AdministratorInterventions interventions;

	public PriceTaskDisplay(PriceProposals proposals, Catalog catalog, ObjectMapper json, AdministratorInterventions interventions) {
		this.proposals = proposals;
		this.catalog = catalog;
		this.json = json;
		this.interventions = interventions;
	}

	@Override
	public void notify(DelegateTask task) {
		// the choices and the comment start empty for every task (AnswersStartEmpty); these are the texts
		task.getExecution().removeVariables(List.of(AUTHORITY_REASON, FINAL_PRICES, REPORT_REFERENCE));
		String number = (String) task.getVariable(PROPOSAL_NUMBER);
		PriceProposal proposal = proposals.proposal(number);
		List<PriceLine> lines = proposals.lines(number);

		task.setVariableLocal("proposalSummary", "%s；生效日期 %s；%s".formatted(proposal.status().chineseName(),
				proposal.effectiveDate(), proposal.needsExecutive() ? "需分管領導審批" : "主任審批即可"));
		task.setVariableLocal("proposalReason", proposal.reason());
		task.setVariableLocal("proposalRefusal", proposal.refusal());
		task.setVariableLocal("urgentHint", proposal.urgentAllowed()
				? "本建議為批發價小幅上調，主任可選「同意並先執行後報備」。" : null);
		task.setVariableLocal("priceLines", FormTables.json(json, priceRows(lines)));
		task.setVariableLocal("proposalHistory", FormTables.json(json, FormTables.approvalSheet(interventions.sheet(proposals.history(number), task.getProcessInstanceId()))));
		if (TASK_REVISE.equals(task.getTaskDefinitionKey())) {
			// The rows to edit are the proposal as it stands; the form sends them back on resubmission.
			task.setVariable(LINES, editableRows(lines));
			task.setVariable(REASON, proposal.reason());
			task.setVariable(EFFECTIVE_DATE, proposal.effectiveDate().toString());
		}
	}

	private List<Map<String, Object>> priceRows(List<PriceLine> lines) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (PriceLine l : lines) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("product", l.productCode() + " " + l.productName());
			row.put("wholesale", "%s → %s（%s%%）".formatted(l.currentWholesale(), l.effectiveWholesale(), signed(l.wholesaleChangePercent())));
			row.put("retail", "%s → %s（%s%%）".formatted(l.currentRetail(), l.effectiveRetail(), signed(l.retailChangePercent())));
			row.put("priceClass", l.priceClassChanges() ? l.currentClass().chineseName() + " → " + l.proposedClass().chineseName()
					: l.currentClass().chineseName());
			ProductStock stock = catalog.stockPosition(l.productCode()).orElse(null);
			BigDecimal trend = catalog.salesTrendPercent(l.productCode());
			row.put("evidence", stock == null ? "" : "日均 %s 條；存銷 %s 天；近兩週銷量 %s".formatted(
					stock.averageDailySales().setScale(1, java.math.RoundingMode.HALF_UP),
					stock.coverDays() == null ? "—" : stock.coverDays(), trend == null ? "—" : signed(trend) + "%"));
			row.put("warnings", l.warnings() == null ? "" : l.warnings());
			rows.add(row);
		}
		return rows;
	}

	/** The rows as the revise form edits them: "code wholesale retail allocation" per line. */
	private static String editableRows(List<PriceLine> lines) {
		StringBuilder text = new StringBuilder();
		for (PriceLine l : lines) {
			text.append(l.productCode()).append(' ').append(l.proposedWholesale().toPlainString()).append(' ')
					.append(l.proposedRetail().toPlainString()).append(' ').append(l.proposedAllocation().toPlainString()).append('\n');
		}
		return text.toString();
	}

	private static String signed(BigDecimal value) {
		return (value.signum() > 0 ? "+" : "") + value.toPlainString();
	}
}
