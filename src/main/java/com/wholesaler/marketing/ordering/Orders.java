package com.wholesaler.marketing.ordering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.catalog.Product;
import com.wholesaler.marketing.identity.Role;

/**
 * Takes a call and its order (訂單採集、錄入、確認): only a phone clerk, only for a retailer on their list
 * of the day; each line within the retailer's weekly limit for the product (the shortage process's
 * 投放控制量 for the tier), all lines within the tier's weekly total (投放控制總量) and within what the
 * stock can still promise, which the order then reserves. A line that does not fit refuses the whole
 * order, saying per line the limit and what is left; nothing is saved. A confirmed order's lines are
 * the day's sales (daily_sales), which the purchase plan, the stock warning and the price evidence read.
 */
@Service
public class Orders {

	/** The order as confirmed: its number (DH and the id), cartons and the amount the retailer prepares. */
	public record PlacedOrder(String orderNumber, CallOutcome outcome, int cartons, BigDecimal amount, boolean paymentReminded) {
	}

	private final OrderRepository repository;
	private final Catalog catalog;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final UnmetDemand unmetDemand;
	private final LimitExceptions exceptions;
	private final CallNotices notices;

	Orders(OrderRepository repository, Catalog catalog, Clock clock, PlatformTransactionManager transactions, UnmetDemand unmetDemand,
			LimitExceptions exceptions, CallNotices notices) {
		this.repository = repository;
		this.notices = notices;
		this.unmetDemand = unmetDemand;
		this.exceptions = exceptions;
		this.catalog = catalog;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	static String number(long id) {
		return "DH%08d".formatted(id);
	}

	/**
	 * Checks and confirms the call in one transaction. Should another request make the retailer's row
	 * of the week at the same moment, this one meets it on the key and is checked again against it.
	 */
	public PlacedOrder place(String clerk, Set<String> groups, OrderRequest request) {
		if (!groups.contains(Role.PHONE_CLERK.groupId())) {
			throw new ActionForbidden("只有電話訂貨員可以錄入訂單 (only phone clerks enter orders)");
		}
		OrderRequest.Checked call = request.checked();
		try {
			return onceMore(() -> transaction.execute(status -> placeOnce(clerk, call)));
		}
		catch (OrderRefused refused) {
			// the order is not saved, but what the retailer asked beyond the limits and the stock is kept
			onceMore(() -> transaction.execute(status -> unmetDemand.record(LocalDate.now(clock), call.retailerCode(), clerk, refused.lines())));
			throw refused;
		}
	}

	/**
	 * Runs a transaction that makes a row other requests may make at the same moment (the retailer's
	 * row of the week, a day's unmet demand): the one that meets the other's row on the key runs again
	 * and finds it.
	 */
	private static <T> T onceMore(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (DuplicateKeyException madeMeanwhile) {
				if (attempt == 3) {
					throw madeMeanwhile;
				}
			}
		}
	}

	private PlacedOrder placeOnce(String clerk, OrderRequest.Checked call) {
		LocalDate today = LocalDate.now(clock);
		OrderRepository.RetailerOnRoute retailer = repository.retailer(call.retailerCode())
				.orElseThrow(() -> new BusinessRuleException("找不到零售客戶「%s」(unknown retailer)".formatted(call.retailerCode())));
		if (!clerk.equals(retailer.clerk()) || retailer.orderDay() != today.getDayOfWeek() || !"ACTIVE".equals(retailer.status())) {
			throw new ActionForbidden("%s %s 不在您今天的訪銷列表中 (not on your call list today)".formatted(retailer.code(), retailer.name()));
		}
		LocalDate week = OrderWeek.of(today);
		List<String> codes = call.lines().stream().map(OrderRequest.CheckedLine::productCode).toList();
		Map<String, Product> products = catalog.products(codes);
		for (String code : codes) {
			if (!products.containsKey(code) || !products.get(code).isActive()) {
				throw new BusinessRuleException("找不到在銷的捲菸規格「%s」(unknown product)".formatted(code));
			}
		}
		Map<String, Integer> limits = new java.util.HashMap<>(repository.productLimits(codes, retailer.tier(), today));
		if (!limits.isEmpty()) {
			// an approved exception raises this retailer's limit of the product for this week only
			exceptions.approvedExtra(retailer.code(), week, limits.keySet()).forEach((code, extra) -> limits.merge(code, extra, Integer::sum));
		}
		List<OrderRepository.WeekLine> weekLines = call.lines().stream()
				.map(l -> new OrderRepository.WeekLine(l.productCode(), l.cartons(), limits.get(l.productCode()))).toList();
		boolean[] withinLimit = weekLines.isEmpty() ? new boolean[0] : repository.addToProductWeeks(retailer.code(), week, weekLines);
		List<OrderRepository.WeekLine> fitting = new ArrayList<>();
		for (int i = 0; i < weekLines.size(); i++) {
			if (withinLimit[i]) {
				fitting.add(weekLines.get(i));
			}
		}
		boolean[] inStock = fitting.isEmpty() ? new boolean[0] : repository.reserve(fitting);
		List<OrderRefused.RefusedLine> refused = new ArrayList<>();
		for (int i = 0, f = 0; i < weekLines.size(); i++) {
			OrderRepository.WeekLine line = weekLines.get(i);
			Product product = products.get(line.productCode());
			if (!withinLimit[i]) {
				int left = Math.max(0, line.limit() - repository.productWeek(retailer.code(), product.code(), week));
				refused.add(new OrderRefused.RefusedLine(product.code(), line.cartons(), line.limit(), left,
						"%s %s 本週限量 %d 條，尚可訂 %d 條 (weekly limit)".formatted(product.code(), product.name(), line.limit(), left)));
			}
			else if (!inStock[f++]) {
				int left = Math.max(0, repository.promisable(product.code()));
				refused.add(new OrderRefused.RefusedLine(product.code(), line.cartons(), null, left,
						"%s %s 庫存可供 %d 條 (stock)".formatted(product.code(), product.name(), left)));
			}
		}
		List<Object[]> lines = new ArrayList<>();
		int cartons = 0;
		BigDecimal amount = BigDecimal.ZERO;
		for (OrderRepository.WeekLine line : weekLines) {
			Product product = products.get(line.productCode());
			BigDecimal lineAmount = product.wholesalePrice().multiply(BigDecimal.valueOf(line.cartons()));
			lines.add(new Object[] {null, product.code(), line.cartons(), product.wholesalePrice(), lineAmount});
			cartons += line.cartons();
			amount = amount.add(lineAmount);
		}
		Integer total = repository.tierTotal(retailer.tier(), week).orElse(null);
		if (cartons > 0 && !repository.addToWeekTotal(retailer.code(), week, cartons, total)) {
			int left = Math.max(0, total - repository.weekTotal(retailer.code(), week));
			refused.add(new OrderRefused.RefusedLine(null, cartons, total, left,
					"%d 檔客戶本週投放控制總量 %d 條，尚可訂 %d 條 (weekly total of the tier)".formatted(retailer.tier(), total, left)));
		}
		if (!refused.isEmpty()) {
			throw new OrderRefused(refused);
		}
		long id = repository.insertOrder(retailer.code(), clerk, call.outcome(), today, week, call.startedAt(), call.endedAt(),
				call.paymentReminded(), cartons, amount, LocalDateTime.now(clock));
		notices.told(id, retailer.code(), today, call.noticesTold());
		lines.forEach(line -> line[0] = id);
		if (!lines.isEmpty()) {
			repository.insertLines(lines);
			repository.addToDailySales(today, weekLines);
		}
		return new PlacedOrder(number(id), call.outcome(), cartons, amount, call.paymentReminded());
	}
}
