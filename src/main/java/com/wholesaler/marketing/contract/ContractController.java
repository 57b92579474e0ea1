package com.wholesaler.marketing.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.approval.AdministratorInterventions;

/** The contract list (with agreed, received and remaining per contract), the contract page and the director's termination. */
@Controller
class ContractController {

	private final Contracts contracts;
	private final ContractInvoices invoices;
	private final ContractTermination termination;
	private final ContractAmendments amendments;
	private final ArrivalUpload arrivalUpload;
	private final Catalog catalog;
	private final AdministratorInterventions interventions;
	private final CallOffs callOffs;

	ContractController(Contracts contracts, ContractInvoices invoices, ContractTermination termination, ContractAmendments amendments,
			ArrivalUpload arrivalUpload, Catalog catalog, AdministratorInterventions interventions, CallOffs callOffs) {
		this.contracts = contracts;
		this.callOffs = callOffs;
		this.arrivalUpload = arrivalUpload;
		this.invoices = invoices;
		this.amendments = amendments;
		this.termination = termination;
		this.catalog = catalog;
		this.interventions = interventions;
	}

	@GetMapping("/contracts")
	String list(@RequestParam(required = false) ContractStatus status, Model model) {
		// ?status=SIGNED: the contracts being performed, the ones an amendment can change
		List<Contract> recent = contracts.recent(200).stream().filter(c -> status == null || c.status() == status).toList();
		Map<String, List<ContractLine>> lines = new LinkedHashMap<>();
		recent.forEach(c -> lines.put(c.contractNumber(), contracts.lines(c.contractNumber())));
		model.addAttribute("contracts", recent);
		model.addAttribute("lines", lines);
		model.addAttribute("invoiced", invoices.invoicedCartonsPerContract());
		model.addAttribute("paid", invoices.paidCartonsPerContract());
		model.addAttribute("manufacturerNames", catalog.manufacturerNames());
		return "contracts/list";
	}

	@GetMapping("/contracts/{number}")
	String show(@PathVariable String number, Model model) {
		Contract contract = contracts.contract(number);
		model.addAttribute("contract", contract);
		model.addAttribute("lines", contracts.lines(number));
		model.addAttribute("history", interventions.sheet(contracts.history(number), contract.processInstanceId()));
		model.addAttribute("arrivals", contracts.arrivals(number));
		model.addAttribute("deliverySchedule", contract.deliverySchedule());
		model.addAttribute("invoices", invoices.invoicesOf(number));
		model.addAttribute("invoiced", invoices.invoicedCartons(number));
		model.addAttribute("paid", invoices.paidCartons(number));
		CallOffs.Matching matching = callOffs.matching(number);
		model.addAttribute("calledOff", matching.calledOff());
		model.addAttribute("callOffs", matching.callOffs());
		model.addAttribute("beyondCallOffs", matching.beyondCallOffs());
		List<ContractAmendment> amendmentsOfContract = amendments.amendmentsOf(number);
		model.addAttribute("version", ContractAmendment.versionInForce(amendmentsOfContract));
		model.addAttribute("amendments", amendmentsOfContract);
		model.addAttribute("earlierVersions", amendments.earlierVersions(number));
		model.addAttribute("manufacturerNames", catalog.manufacturerNames());
		return "contracts/show";
	}

	@PostMapping("/contracts/{number}/arrivals")
	String uploadArrival(@PathVariable String number, @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String damage,
			@RequestParam(defaultValue = "") String note, Authentication user, RedirectAttributes redirect) throws IOException {
		try {
			arrivalUpload.upload(number, user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(),
					new String(file.getBytes(), StandardCharsets.UTF_8), damage, note);
			redirect.addFlashAttribute("message", "已確認到貨：%s".formatted(file.getOriginalFilename()));
		}
		catch (BusinessRuleException | ProcessEngineException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/contracts/" + number;
	}

	@PostMapping("/contracts/{number}/call-offs")
	String callOff(@PathVariable String number, @RequestParam(required = false) String platformOrder, @RequestParam(required = false) String day,
			@RequestParam(required = false) String lines, Authentication user, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		try {
			callOffs.record(number, user.getName(), com.wholesaler.marketing.approval.SignedIn.groups(user), platformOrder, day, lines);
			redirect.addFlashAttribute("message", "已記錄網上訂貨 %s".formatted(platformOrder));
			return "redirect:/contracts/" + number;
		}
		catch (BusinessRuleException e) {
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.getMessage());
			return show(number, model);
		}
	}

	@PostMapping("/contracts/{number}/termination")
	String terminate(@PathVariable String number, @RequestParam(defaultValue = "") String reason, Authentication user,
			RedirectAttributes redirect) {
		try {
			termination.request(number, user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(), reason);
			redirect.addFlashAttribute("message", "合同 %s 已終止".formatted(number));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (ProcessEngineException e) {
			// the process refused (a rule of the contract) or the contract has no process waiting for the message
			redirect.addFlashAttribute("error", "無法終止合同 %s：%s".formatted(number, e.getMessage()));
		}
		return "redirect:/contracts/" + number;
	}
}
