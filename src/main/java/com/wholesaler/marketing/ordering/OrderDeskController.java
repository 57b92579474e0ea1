package com.wholesaler.marketing.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 訂貨台: the clerk's page for the day's calls, keyboard first, working through the order API. */
@Controller
class OrderDeskController {

	private final JdbcClient jdbc;

	OrderDeskController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/orders/desk")
	String desk(Model model) {
		List<Map<String, Object>> products = new ArrayList<>();
		jdbc.sql("SELECT code, name, wholesale_price FROM product WHERE status = 'ACTIVE' ORDER BY code")
				.query((rs, n) -> products.add(Map.of("code", rs.getString("code"), "name", rs.getString("name"),
						"price", rs.getBigDecimal("wholesale_price"))))
				.list();
		model.addAttribute("products", products);
		return "orders/desk";
	}
}
