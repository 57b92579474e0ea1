package com.wholesaler.marketing.ordering;

import static com.wholesaler.marketing.approval.SignedIn.groups;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.identity.Role;

/**
 * The order desk's JSON API (docs/api.md): the signed-in clerk's call list of the day, a call with its
 * order, a special event noted during the day.
 */
@RestController
class OrderApi {

	private final Orders orders;
	private final CallLists callLists;
	private final SpecialEvents events;
	private final RetailerFeedbacks feedbacks;
	private final LimitExceptions exceptions;
	private final OrderCorrections corrections;

	OrderApi(Orders orders, CallLists callLists, SpecialEvents events, RetailerFeedbacks feedbacks, LimitExceptions exceptions,
			OrderCorrections corrections) {
		this.exceptions = exceptions;
		this.corrections = corrections;
		this.orders = orders;
		this.callLists = callLists;
		this.events = events;
		this.feedbacks = feedbacks;
	}

	@GetMapping("/api/call-lists/today")
	CallLists.CallList today(Authentication user) {
		if (!groups(user).contains(Role.PHONE_CLERK.groupId())) {
			throw new ActionForbidden("只有電話訂貨員有訪銷列表 (only phone clerks have call lists)");
		}
		return callLists.today(user.getName());
	}

	@PostMapping("/api/orders")
	ResponseEntity<Orders.PlacedOrder> place(@RequestBody OrderRequest request, Authentication user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(orders.place(user.getName(), groups(user), request));
	}

	/** The seat leader lowers a line of an order of this week, with a reason (訂單更正); the order as it now is. */
	@PostMapping("/api/orders/{number}/corrections")
	OrderCorrections.Order correct(@PathVariable String number, @RequestBody OrderCorrections.Request request, Authentication user) {
		return corrections.correct(number, user.getName(), groups(user), request);
	}

	@PostMapping("/api/special-events")
	ResponseEntity<SpecialEvents.Recorded> specialEvent(@RequestBody SpecialEvents.Report report, Authentication user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(events.record(user.getName(), groups(user), report));
	}

	@PostMapping("/api/limit-exceptions")
	ResponseEntity<LimitExceptions.Asked> limitException(@RequestBody LimitExceptions.Request request, Authentication user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(exceptions.ask(user.getName(), groups(user), request));
	}

	@PostMapping("/api/feedback")
	ResponseEntity<RetailerFeedbacks.Recorded> feedback(@RequestBody RetailerFeedbacks.Report report, Authentication user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(feedbacks.record(user.getName(), groups(user), report));
	}

	/** A retailer's feedback not yet told, for the desk to show when the retailer is called. */
	@GetMapping("/api/feedback")
	java.util.List<RetailerFeedbacks.Feedback> openFeedback(@RequestParam String retailerCode, Authentication user) {
		Set<String> groups = groups(user);
		if (!groups.contains(Role.PHONE_CLERK.groupId()) && !groups.contains(Role.SEAT_LEADER.groupId())) {
			throw new ActionForbidden("只有坐席查看客戶意見 (only the seats)");
		}
		return feedbacks.openFor(retailerCode);
	}

	@ExceptionHandler(OrderRefused.class)
	ResponseEntity<Map<String, Object>> refused(OrderRefused e) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", e.getMessage());
		body.put("refusedLines", e.lines());
		return ResponseEntity.unprocessableEntity().body(body);
	}

	@ExceptionHandler(BusinessRuleException.class)
	ResponseEntity<Map<String, Object>> badInput(BusinessRuleException e) {
		return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
		return ResponseEntity.badRequest().body(Map.of("message", "請求內容不是所需的 JSON（見 docs/api.md）(unreadable request body)"));
	}

	@ExceptionHandler(ActionForbidden.class)
	ResponseEntity<Map<String, Object>> forbidden(ActionForbidden e) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
	}
}
