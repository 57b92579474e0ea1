package com.wholesaler.marketing.reports;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;


/**
 * 月度報表 (/reports/packs): every month's pack with its status, each pack's summary and approval sheet, the
 * workbook as compiled, and, while it is being compiled, a preview of the month's workbook as it would be now.
 */
@Controller
class ReportPacksController {

	private final ReportPacks packs;
	private final Clock clock;

	ReportPacksController(ReportPacks packs, Clock clock) {
		this.packs = packs;
		this.clock = clock;
	}

	@GetMapping("/reports/packs")
	String list(Model model) {
		model.addAttribute("packs", packs.all());
		return "reports/packs";
	}

	@GetMapping("/reports/packs/{number}")
	String show(@PathVariable String number, Model model) {
		model.addAttribute("pack", packs.pack(number));
		model.addAttribute("history", packs.history(number));
		return "reports/pack";
	}

	@GetMapping("/reports/packs/{number}.xlsx")
	ResponseEntity<byte[]> kept(@PathVariable String number) {
		ReportPacks.ReportPack pack = packs.pack(number);
		return ReportDownload.of("月度報表-" + pack.month(), packs.keptWorkbook(number));
	}

	@GetMapping("/reports/packs/{number}/preview.xlsx")
	ResponseEntity<byte[]> preview(@PathVariable String number) {
		ReportPacks.ReportPack pack = packs.pack(number);
		byte[] workbook = packs.workbook(pack.period(), pack.summary(), LocalDate.now(clock));
		return ReportDownload.of("月度報表預覽-" + pack.month(), workbook);
	}
}
