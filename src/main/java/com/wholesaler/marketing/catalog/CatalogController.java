package com.wholesaler.marketing.catalog;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The master-data pages: products with stock and cover, manufacturers, retailers by tier and region. */
@Controller
class CatalogController {

	static final int PAGE_SIZE = 50;

	private final Catalog catalog;

	CatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/products")
	String products(@RequestParam(name = "q", required = false) String text,
			@RequestParam(name = "priceClass", required = false) Integer priceClass,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Integer validClass = priceClass != null && priceClass >= 1 && priceClass <= 5 ? priceClass : null;
		model.addAttribute("products", catalog.searchProducts(text, validClass, Math.max(0, page), PAGE_SIZE));
		model.addAttribute("q", text);
		model.addAttribute("priceClass", validClass);
		model.addAttribute("priceClasses", Arrays.asList(PriceClass.values()));
		model.addAttribute("manufacturerNames", catalog.manufacturerNames());
		model.addAttribute("newProducts", catalog.newProductCodes());
		return "catalog/products";
	}

	@GetMapping("/manufacturers")
	String manufacturers(Model model) {
		model.addAttribute("manufacturers", catalog.manufacturers());
		return "catalog/manufacturers";
	}

	@GetMapping("/retailers")
	String retailers(@RequestParam(name = "region", required = false) String region,
			@RequestParam(name = "tier", required = false) Integer tier,
			@RequestParam(name = "q", required = false) String text,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Integer validTier = tier != null && tier >= Retailer.LOWEST_TIER && tier <= Retailer.HIGHEST_TIER ? tier : null;
		model.addAttribute("counts", catalog.activeRetailerCounts());
		model.addAttribute("retailers", catalog.searchRetailers(region, validTier, text, Math.max(0, page), PAGE_SIZE));
		model.addAttribute("regionNames", catalog.regions().stream()
				.collect(java.util.stream.Collectors.toMap(Region::code, Region::name)));
		model.addAttribute("region", region);
		model.addAttribute("tier", validTier);
		model.addAttribute("q", text);
		return "catalog/retailers";
	}
}
