package com.wholesaler.marketing.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.BusinessRuleException;

/** 工作日曆: the year's holidays and 調休 as in force, and the general administrator's replacement of a year. */
@Controller
class WorkingCalendarController {

	private final WorkingCalendar calendar;
	private final WorkingCalendarFiles files;
	private final Clock clock;

	WorkingCalendarController(WorkingCalendar calendar, WorkingCalendarFiles files, Clock clock) {
		this.calendar = calendar;
		this.files = files;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String show(@RequestParam(required = false) Integer year, Model model) {
		int thisYear = LocalDate.now(clock).getYear();
		int shown = year == null ? thisYear : year;
		model.addAttribute("year", shown);
		model.addAttribute("years", java.util.List.of(thisYear - 1, thisYear, thisYear + 1, thisYear + 2));
		model.addAttribute("days", calendar.year(shown).listed());
		model.addAttribute("source", calendar.source(shown));
		return "catalog/calendar";
	}

	/** The year's file as in force, to edit and upload again. */
	@GetMapping(value = "/calendar/{year}.txt", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
	ResponseEntity<String> file(@PathVariable int year) {
		String text = calendar.year(year).listed().stream()
				.map(d -> "%s %s %s".formatted(d.date(), d.kind().word(), d.name())).collect(Collectors.joining("\n", "", "\n"));
		return ResponseEntity.ok(text);
	}

	@PostMapping("/calendar/{year}")
	String replace(@PathVariable int year, @RequestParam("file") MultipartFile file, Authentication user, RedirectAttributes redirect)
			throws IOException {
		try {
			YearCalendar replaced = files.replace(year, new String(file.getBytes(), StandardCharsets.UTF_8), user.getName(),
					user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
			redirect.addFlashAttribute("message", "%d 年工作日曆已更新：%d 個放假日，%d 個調休上班日".formatted(year,
					replaced.listed().stream().filter(d -> d.kind() == YearCalendar.Kind.REST).count(),
					replaced.listed().stream().filter(d -> d.kind() == YearCalendar.Kind.WORK).count()));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/calendar?year=" + year;
	}
}
