package com.wholesaler.marketing.catalog;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** 基礎資料 (/master-data): the template workbook, and the general administrator's import of it; a refused file changes nothing (400). */
@Controller
class MasterDataController {

	private final MasterDataWorkbook workbook;
	private final Catalog catalog;

	MasterDataController(MasterDataWorkbook workbook, Catalog catalog) {
		this.workbook = workbook;
		this.catalog = catalog;
	}

	@GetMapping("/master-data")
	String page(Model model) {
		model.addAttribute("counts", new long[] {catalog.count("region"), catalog.count("manufacturer"), catalog.count("product"),
				catalog.count("retailer")});
		return "catalog/master-data";
	}

	@GetMapping("/master-data/template.xlsx")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("基礎資料範本.xlsx", java.nio.charset.StandardCharsets.UTF_8)
						.build().toString())
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(workbook.template());
	}

	@PostMapping("/master-data")
	String load(@RequestParam("file") MultipartFile file, Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try (InputStream in = file.getInputStream()) {
			MasterDataWorkbook.Imported done = workbook.load(in, groups(user));
			redirect.addFlashAttribute("message", "已匯入：地區 %d、工業企業 %d、捲菸規格 %d、零售客戶 %d 行".formatted(done.regions(), done.manufacturers(),
					done.products(), done.retailers()));
			return "redirect:/master-data";
		}
		catch (BusinessRuleException | IOException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e instanceof BusinessRuleException ? e.getMessage() : "無法讀取上傳的檔案 (upload failed)");
			return page(model);
		}
	}
}
