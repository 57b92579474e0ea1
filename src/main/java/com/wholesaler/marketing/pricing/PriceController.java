package com.wholesaler.marketing.pricing;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.approval.AdministratorInterventions;

/** The price list (with CSV export), price proposals, and a product's price history. */
@Controller
class PriceController {

	private final PriceProposals proposals;
	private final PriceNotices notices;
	private final Catalog catalog;
	private final AdministratorInterventions interventions;

	PriceController(PriceProposals proposals, PriceNotices notices, Catalog catalog, AdministratorInterventions interventions) {
		this.proposals = proposals;
		this.notices = notices;
		this.catalog = catalog;
		this.interventions = interventions;
	}

	@GetMapping("/prices")
	String priceList(Model model) {
		model.addAttribute("prices", proposals.priceList());
		return "prices/list";
	}

	@GetMapping("/prices.csv")
	ResponseEntity<byte[]> priceListCsv() {
		StringBuilder csv = new StringBuilder("\uFEFF代碼,規格,品牌,價類,調撥價,統一批發價,建議零售價,執行日期\n");
		for (PriceListEntry p : proposals.priceList()) {
			csv.append(p.productCode()).append(',').append(p.productName().replace(',', ' ')).append(',')
					.append(p.brand()).append(',').append(p.priceClass().chineseName()).append(',')
					.append(p.allocationPrice().toPlainString()).append(',').append(p.wholesalePrice().toPlainString()).append(',')
					.append(p.retailPrice().toPlainString()).append(',').append(p.validFrom()).append('\n');
		}
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"price-list.csv\"")
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/prices/proposals")
	String proposalList(Model model) {
		var recent = proposals.recent(200);
		model.addAttribute("proposals", recent);
		model.addAttribute("lines", proposals.linesOf(recent));
		return "prices/proposals";
	}

	@GetMapping("/prices/proposals/{number}")
	String proposal(@PathVariable String number, Model model) {
		PriceProposal proposal = proposals.proposal(number);
		model.addAttribute("proposal", proposal);
		model.addAttribute("lines", proposals.lines(number));
		model.addAttribute("history", interventions.sheet(proposals.history(number), proposal.processInstanceId()));
		return "prices/proposal";
	}

	@GetMapping("/prices/notices")
	String noticeList(Model model) {
		model.addAttribute("notices", notices.recent(200));
		return "prices/notices";
	}

	@GetMapping("/prices/notices/{number}")
	String notice(@PathVariable String number, Model model) {
		model.addAttribute("notice", notices.notice(number));
		model.addAttribute("lines", notices.lines(number));
		model.addAttribute("history", notices.history(number));
		return "prices/notice";
	}

	@GetMapping("/products/{code}/prices")
	String productPrices(@PathVariable String code, Model model) {
		model.addAttribute("product", catalog.product(code).orElseThrow(() ->
				new BusinessRuleException("找不到捲菸規格 %s (no such product)".formatted(code))));
		model.addAttribute("history", proposals.priceHistory(code));
		return "prices/history";
	}
}
