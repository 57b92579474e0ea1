package com.wholesaler.marketing.contract;

import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.ModelExpression;

/**
 * What the gateways of the contract models ask, answered from the stored contract, its invoices and
 * its amendments at the moment the gateway is reached: never from a variable a task could have sent.
 */
@Component("contractRoute")
@ModelExpression
public class ContractRoute {

	private final Contracts contracts;
	private final ContractInvoices invoices;
	private final ContractAmendments amendments;

	ContractRoute(Contracts contracts, ContractInvoices invoices, ContractAmendments amendments) {
		this.contracts = contracts;
		this.invoices = invoices;
		this.amendments = amendments;
	}

	public boolean allDelivered(String contractNumber) {
		return contracts.allDelivered(contractNumber);
	}

	/** The invoice was recorded as matching the contract and its arrivals. */
	public boolean invoiceMatches(String invoiceNumber) {
		return ContractInvoices.MATCHED.equals(invoices.invoice(invoiceNumber).status());
	}

	public boolean allPaid(String contractNumber) {
		return invoices.allInvoicedAndPaid(contractNumber);
	}

	/** The amendment, approved by the brand-planning head, waits for the director as its route requires. */
	public boolean amendmentNeedsDirector(String amendmentNumber) {
		ContractAmendment amendment = amendments.amendment(amendmentNumber);
		return amendment.awaits(ContractStep.AMENDMENT_APPROVE);
	}
}
