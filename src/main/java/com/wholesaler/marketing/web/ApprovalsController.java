package com.wholesaler.marketing.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.wholesaler.marketing.approval.RestRefusals;

/**
 * 待我審批 on a phone: the signed-in approver's pending decisions with the figures that decide them,
 * and approve / return / reject buttons that complete the same engine task as Tasklist, as the user,
 * through the same checks (the engine API guard and the approval core). Acknowledgements (知悉) can be
 * confirmed several at once.
 */
@Controller
class ApprovalsController {

	private final PendingApprovals pending;
	private final TaskService taskService;
	private final IdentityService identityService;
	private final TransactionTemplate transaction;

	ApprovalsController(PendingApprovals pending, TaskService taskService, IdentityService identityService, PlatformTransactionManager transactions) {
		this.pending = pending;
		this.taskService = taskService;
		this.identityService = identityService;
		this.transaction = new TransactionTemplate(transactions);
	}

	@GetMapping("/approvals")
	String list(Authentication user, Model model) {
		model.addAttribute("work", pending.of(user.getName()));
		return "approvals/list";
	}

	@PostMapping("/approvals/{taskId}")
	String decide(@PathVariable String taskId, @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
			Authentication user, RedirectAttributes redirect) {
		Map<String, String> allowed = pending.decisionsOf(taskId);
		if (!allowed.containsKey(decision)) {
			redirect.addFlashAttribute("error", "請選擇這一步可以做的決定：%s (choose a decision)".formatted(String.join("、", allowed.values())));
			return "redirect:/approvals";
		}
		Map<String, Object> answer = new HashMap<>();
		answer.put("decision", decision);
		answer.put("comment", comment.strip());
		run(user, redirect, "已%s".formatted(allowed.get(decision)), () -> {
			taskService.complete(taskId, answer);
			return null;
		});
		return "redirect:/approvals";
	}

	@PostMapping("/approvals/acknowledge")
	String acknowledge(@RequestParam(name = "task", required = false) List<String> taskIds, Authentication user, RedirectAttributes redirect) {
		if (taskIds == null || taskIds.isEmpty()) {
			redirect.addFlashAttribute("error", "請勾選要確認的通知 (choose the notices to confirm)");
			return "redirect:/approvals";
		}
		// all or none: one that may not be confirmed here leaves the others open too
		run(user, redirect, "已確認 %d 項通知".formatted(taskIds.size()), () -> transaction.execute(status -> {
			for (String taskId : taskIds) {
				taskService.complete(taskId, Map.of("acknowledged", true));
			}
			return null;
		}));
		return "redirect:/approvals";
	}

	/** As the user, with their groups, so that the engine checks them as it checks Tasklist. */
	private void run(Authentication user, RedirectAttributes redirect, String done, Supplier<Void> action) {
		identityService.setAuthentication(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		try {
			action.get();
			redirect.addFlashAttribute("message", done);
		}
		catch (ProcessEngineException e) {
			redirect.addFlashAttribute("error", RestRefusals.sentence(e));
		}
		finally {
			identityService.clearAuthentication();
		}
	}
}
