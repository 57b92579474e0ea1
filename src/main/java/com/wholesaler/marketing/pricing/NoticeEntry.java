package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.catalog.FormText;
import com.wholesaler.marketing.catalog.Money;

/**
 * A price notice as the general administrator types it from the authority's document: its reference
 * (文號), the effective date, the new prices of products in the catalog ("code wholesale retail
 * [allocation]" per line, as in a proposal) and the products new to the catalog ("manufacturer brand
 * name allocation wholesale retail" per line). Everything the text alone can tell is checked here, all
 * errors named together; what needs the catalog is checked by {@link PriceNotices}.
 */
public record NoticeEntry(String reference, LocalDate effectiveDate, List<ProposedPrice> prices, List<NewProduct> newProducts, String note) {

	/** A product the notice brings that the catalog does not have yet. */
	public record NewProduct(String manufacturerCode, String brand, String name, BigDecimal allocation, BigDecimal wholesale,
			BigDecimal retail) {
	}

	static final int TEXT_LIMIT = 1000;

	static NoticeEntry of(Object reference, Object effectiveDate, Object lines, Object newProducts, Object note) {
		List<String> errors = new ArrayList<>();
		String ref = FormText.of(reference);
		if (ref.isEmpty() || ref.length() > 100) {
			errors.add("請填寫上級通知的文號（最多 100 字）");
		}
		LocalDate date = null;
		try {
			date = BusinessTime.date(effectiveDate);
		}
		catch (BusinessRuleException e) {
			errors.add(e.getMessage());
		}
		if (date == null && errors.stream().noneMatch(e -> e.contains("日期"))) {
			errors.add("請填寫生效日期");
		}
		List<ProposedPrice> prices = List.of();
		try {
			prices = PriceForms.prices(lines, "wholesale", "retail");
		}
		catch (BusinessRuleException e) {
			errors.add(e.getMessage());
		}
		List<NewProduct> products = newProducts(FormText.of(newProducts), errors);
		if (errors.isEmpty() && prices.isEmpty() && products.isEmpty()) {
			errors.add("通知中至少應有一個規格的價格 (at least one product)");
		}
		String remark = FormText.of(note);
		if (remark.length() > TEXT_LIMIT) {
			errors.add("備註最多 1000 字");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException(String.join("；", errors) + " (price notice)");
		}
		return new NoticeEntry(ref, date, prices, products, remark.isEmpty() ? null : remark);
	}

	private static List<NewProduct> newProducts(String text, List<String> errors) {
		List<NewProduct> products = new ArrayList<>();
		int lineNumber = 0;
		for (String line : text.split("\\R")) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.strip().split("[\\s,，、]+");
			if (cells.length != 6) {
				errors.add("新規格第 %d 行「%s」應為「廠家代碼或名稱 品牌 規格名稱 調撥價 批發價 零售價」"
						.formatted(lineNumber, BusinessTime.abbreviated(line.strip())));
				continue;
			}
			try {
				BigDecimal a = Money.price(cells[3]);
				BigDecimal w = Money.price(cells[4]);
				BigDecimal r = Money.price(cells[5]);
				if (cells[1].length() > 50 || cells[2].length() > 100) {
					errors.add("新規格第 %d 行：品牌最多 50 字，規格名稱最多 100 字".formatted(lineNumber));
					continue;
				}
				products.add(new NewProduct(cells[0], cells[1], cells[2], a, w, r));
			}
			catch (BusinessRuleException e) {
				errors.add("新規格第 %d 行：%s".formatted(lineNumber, e.getMessage()));
			}
		}
		return products;
	}
}
