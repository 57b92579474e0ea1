package com.wholesaler.marketing.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.wholesaler.marketing.approval.People;
import com.wholesaler.marketing.approval.SignedIn;
import com.wholesaler.marketing.catalog.BusinessTime;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.workbook.XlsxBook.Column;
import com.wholesaler.marketing.workbook.XlsxBook.Format;
import com.wholesaler.marketing.workbook.XlsxBook;

/**
 * 訂單明細 (/orders/list and .xlsx): a day's calls and orders, for the seat leader, the department head and
 * the directors of any clerk, for a phone clerk their own.
 */
@Controller
class OrderDetailsController {

	/** The most calls the page shows; the workbook has them all. */
	static final int PAGE_ROWS = 1_000;
	/** More than any day has: the workbook's bound. */
	static final int BOOK_ROWS = 50_000;

	private final OrderDetails details;
	private final People people;
	private final Clock clock;

	OrderDetailsController(OrderDetails details, People people, Clock clock) {
		this.details = details;
		this.people = people;
		this.clock = clock;
	}

	@GetMapping("/orders/list")
	String page(@RequestParam(required = false) String day, @RequestParam(required = false) String clerk,
			@RequestParam(required = false) String retailer, Authentication user, Model model) {
		OrderDetails.Listing listing = details.of(BusinessTime.day(day, LocalDate.now(clock)), clerkFor(user, clerk), retailer, PAGE_ROWS);
		model.addAttribute("listing", listing);
		model.addAttribute("clerks", people.members(Role.PHONE_CLERK.groupId()));
		model.addAttribute("ownOnly", onlyOwn(user));
		return "orders/list";
	}

	@GetMapping("/orders/list.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) String day, @RequestParam(required = false) String clerk,
			@RequestParam(required = false) String retailer, Authentication user) {
		OrderDetails.Listing listing = details.of(BusinessTime.day(day, LocalDate.now(clock)), clerkFor(user, clerk), retailer, BOOK_ROWS);
		List<Column<OrderDetails.Call>> columns = List.of(
				new Column<>("訂單號", 10, OrderDetails.Call::orderNumber, Format.TEXT),
				new Column<>("開始時間", 10, c -> c.startedAt().toLocalTime().withNano(0).toString(), Format.TEXT),
				new Column<>("通話（秒）", 8, OrderDetails.Call::seconds, Format.COUNT),
				new Column<>("坐席", 8, OrderDetails.Call::clerk, Format.TEXT),
				new Column<>("客戶代碼", 8, OrderDetails.Call::retailerCode, Format.TEXT),
				new Column<>("客戶名稱", 14, OrderDetails.Call::retailerName, Format.TEXT),
				new Column<>("檔位", 5, OrderDetails.Call::tier, Format.COUNT),
				new Column<>("通話結果", 8, OrderDetails.Call::outcomeName, Format.TEXT),
				new Column<>("條數", 7, OrderDetails.Call::cartons, Format.COUNT),
				new Column<>("金額（元）", 10, OrderDetails.Call::amount, Format.MONEY),
				new Column<>("已提示貨款", 8, c -> c.paymentReminded() ? "是" : "否", Format.TEXT),
				new Column<>("更正次數", 7, OrderDetails.Call::corrections, Format.COUNT));
		byte[] book = new XlsxBook().sheet("訂單明細 " + listing.day(), columns, listing.calls()).bytes();
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orders-%s%s.xlsx\"".formatted(listing.day(),
						listing.clerk() == null ? "" : "-" + listing.clerk().replaceAll("[^A-Za-z0-9_-]", "")))
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(book);
	}

	/** A phone clerk sees their own calls only, whatever clerk the address names. */
	private static String clerkFor(Authentication user, String clerk) {
		return onlyOwn(user) ? user.getName() : clerk;
	}

	private static boolean onlyOwn(Authentication user) {
		java.util.Set<String> groups = SignedIn.groups(user);
		return groups.contains(Role.PHONE_CLERK.groupId()) && !groups.contains(Role.SEAT_LEADER.groupId())
				&& !groups.contains(Role.ORDER_DEPT_HEAD.groupId());
	}
}
