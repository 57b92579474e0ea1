package com.wholesaler.marketing.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** A refused rule on a page (an unknown plan number, say) shows its message, not an error trace. */
@ControllerAdvice
class BusinessRuleAdvice {

	@ExceptionHandler(BusinessRuleException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String refused(BusinessRuleException e, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("reason", e.getMessage());
		return "error";
	}
}
