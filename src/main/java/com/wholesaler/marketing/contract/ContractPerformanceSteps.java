package com.wholesaler.marketing.contract;

import static com.wholesaler.marketing.contract.ContractProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.TaskAnswerListener;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.WorkingCalendar;
import com.wholesaler.marketing.catalog.Cartons;
import com.wholesaler.marketing.catalog.Money;

/** The invoice, payment, completion and termination steps of the contract model. */
public final class ContractPerformanceSteps {

	private ContractPerformanceSteps() {
	}

	/** The invoice entered from paper: header and lines "code cartons unit-price amount". */
	@Component("contractInvoiceListener")
	public static class Invoice extends TaskAnswerListener {
		private final ContractInvoices invoices;
		private final CurrentUser currentUser;

		Invoice(ContractInvoices invoices, CurrentUser currentUser) {
			this.invoices = invoices;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			String number = text(execution.getVariable(INVOICE_NUMBER));
			InvoiceMatcher.Invoice invoice = new InvoiceMatcher.Invoice(number, Money.amount(text(execution.getVariable(AMOUNT_EXCLUDING_TAX))),
					Money.amount(text(execution.getVariable(TAX))), lines(text(execution.getVariable(INVOICE_LINES))));
			List<String> mismatches = invoices.receive((String) execution.getVariable(CONTRACT_NUMBER), invoice,
					BusinessTime.date(execution.getVariable(INVOICE_DATE)), text(execution.getVariable(CHECK_TYPE)), currentUser.id());
			// the invoice it is about, for the steps after it; whether it matches is read from the invoice (ContractRoute)
			execution.setVariable(INVOICE_NUMBER, number);
		}
	}

	@Component("contractDiscrepancyListener")
	public static class Discrepancy extends TaskAnswerListener {
		private final ContractInvoices invoices;
		private final CurrentUser currentUser;

		Discrepancy(ContractInvoices invoices, CurrentUser currentUser) {
			this.invoices = invoices;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			Object action = execution.getVariable(DISCREPANCY_ACTION);
			if (!"ACCEPT".equals(action) && !"RECHECK".equals(action)) {
				throw new BusinessRuleException("請選擇「接受差異」或「退回重開發票」(accept or recheck)");
			}
			invoices.resolve((String) execution.getVariable(INVOICE_NUMBER), "ACCEPT".equals(action),
					(String) execution.getVariable(COMMENT), currentUser.id());
		}
	}

	@Component("contractPaymentListener")
	public static class Payment extends TaskAnswerListener {
		private final ContractInvoices invoices;
		private final CurrentUser currentUser;

		Payment(ContractInvoices invoices, CurrentUser currentUser) {
			this.invoices = invoices;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			Object decision = execution.getVariable(PAYMENT_DECISION);
			if (!"ACCEPT".equals(decision) && !"REFUSE".equals(decision)) {
				throw new BusinessRuleException("請選擇「承付」或「拒付」(accept or refuse)");
			}
			invoices.decidePayment((String) execution.getVariable(INVOICE_NUMBER), "ACCEPT".equals(decision),
					(String) execution.getVariable(REFUSAL_CODE), (String) execution.getVariable(COMMENT), currentUser.id());
		}
	}

	/** The time to refuse has run out: silence is acceptance. */
	@Component("autoAcceptPaymentDelegate")
	public static class AutoAccept implements JavaDelegate {
		private final ContractInvoices invoices;

		AutoAccept(ContractInvoices invoices) {
			this.invoices = invoices;
		}

		@Override
		public void execute(DelegateExecution execution) {
			invoices.decidePayment((String) execution.getVariable(INVOICE_NUMBER), true, null, "承付期滿未拒付", null);
			execution.setVariable(PAYMENT_DECISION, "ACCEPT");
		}
	}

	@Component("completeContractDelegate")
	public static class Complete implements JavaDelegate {
		private final Contracts contracts;

		Complete(Contracts contracts) {
			this.contracts = contracts;
		}

		@Override
		public void execute(DelegateExecution execution) {
			contracts.complete((String) execution.getVariable(CONTRACT_NUMBER));
		}
	}

	/** The director's termination, sent from the contract page as the message ContractTerminated. */
	@Component("terminateContractDelegate")
	public static class Terminate implements JavaDelegate {
		private final Contracts contracts;

		Terminate(Contracts contracts) {
			this.contracts = contracts;
		}

		@Override
		public void execute(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> contracts.terminate((String) execution.getVariable(CONTRACT_NUMBER),
					(String) execution.getVariable(TERMINATED_BY), (String) execution.getVariable(TERMINATION_REASON)));
		}
	}

	/**
	 * When the time to refuse a payment ends (托收承付): 3 calendar days after the invoice for a
	 * documents check, 10 for a goods check, as the payment rules count them; a period whose last day
	 * is a rest day runs to the next working day (順延).
	 */
	@Component("contractDates")
	@ModelExpression
	public static class Dates {
		private final ContractInvoices invoices;
		private final WorkingCalendar calendar;

		Dates(ContractInvoices invoices, WorkingCalendar calendar) {
			this.invoices = invoices;
			this.calendar = calendar;
		}

		public Date acceptanceDeadline(String invoiceNumber) {
			LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(BusinessTime.ZONE).toLocalDate();
			LocalDate lastDay = calendar.onOrNextWorkingDay(today.plusDays(invoices.acceptanceDays(invoiceNumber)));
			return Date.from(lastDay.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
		}
	}

	static List<InvoiceMatcher.InvoiceLine> lines(String text) {
		List<InvoiceMatcher.InvoiceLine> lines = new ArrayList<>();
		int n = 0;
		for (String line : text == null ? List.<String>of() : text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
			n++;
			String[] cells = line.split("[\\s,，]+");
			if (cells.length != 4) {
				throw new BusinessRuleException("發票明細第 %d 行「%s」應為「規格代碼 數量 單價 金額」(code cartons price amount)".formatted(n, line));
			}
			lines.add(new InvoiceMatcher.InvoiceLine(cells[0].toUpperCase(), Cartons.parse(cells[1]), Money.price(cells[2]), Money.amount(cells[3])));
		}
		return lines;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString().trim();
	}
}
