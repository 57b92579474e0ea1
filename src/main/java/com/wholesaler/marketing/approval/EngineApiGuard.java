package com.wholesaler.marketing.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's public API (REST, and Tasklist through it) bind a caller to what their role
 * may do, whatever the request looks like: a task takes the fields of its form and nothing else,
 * under the form's own rules; only a holder of a task's role works it or hands it over, and only to
 * another holder; instance surgery (modification, variables, suspension, jobs) is the
 * administrator's. The engine's own code (inside a command) and the application's (no signed-in
 * engine user) are not callers here: they answer for themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EngineApiGuard extends AbstractProcessEnginePlugin {

	private ProcessEngineConfigurationImpl configuration;
	private final Map<String, FormSchema> formsByStep = new ConcurrentHashMap<>();

	/** A person calling from outside, with the groups the REST or webapp filter found for them. */
	record Caller(String userId, Set<String> groups, boolean admin) {

		boolean holdsAny(Set<String> roles) {
			return groups.stream().anyMatch(roles::contains);
		}
	}

	/** What the guard needs to know about a task, read without the caller's authorization. */
	record TaskFacts(String taskId, String name, String assignee, Set<String> candidateGroups, Set<String> candidateUsers, FormSchema form) {
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
		configuration.setResourceAuthorizationProvider(new RoleTaskPermissions());
		configuration.setTaskService(new GuardedTaskService(this));
		configuration.setFormService(new GuardedFormService(this));
		configuration.setRuntimeService(new GuardedRuntimeService(this));
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
		interceptors.add(new AdministratorOnlyCommands(this));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
		EveryUserTask.onCreate(configuration, new AnswersStartEmpty(this)::clearAnswers);
	}

	/** The person behind this call, if it comes from outside the engine and the application. */
	Optional<Caller> caller() {
		if (Context.getCommandContext() != null || configuration == null) {
			return Optional.empty();
		}
		Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return Optional.empty();
		}
		Set<String> groups = authentication.getGroupIds() == null ? Set.of() : Set.copyOf(authentication.getGroupIds());
		boolean admin = configuration.getAdminUsers().contains(authentication.getUserId())
				|| groups.stream().anyMatch(configuration.getAdminGroups()::contains);
		return Optional.of(new Caller(authentication.getUserId(), groups, admin));
	}

	/**
	 * Runs a completion (or task form submission) with its check in the same command: the caller works
	 * the task, and sends only what its form asks. One transaction, and the task read once.
	 */
	<T> T completing(CommandExecutor executor, String taskId, Map<String, Object> variables, Command<T> completion) {
		Optional<Caller> caller = caller();
		if (caller.isEmpty()) {
			return executor.execute(completion);
		}
		return executor.execute(context -> {
			TaskFacts task = context.runWithoutAuthorization(() -> taskIn(context, taskId));
			if (task != null) {
				requireWorker(caller.get(), task);
				if (task.assignee() != null && !task.assignee().equals(caller.get().userId())) {
					throw refusal("任務「%s」已由 %s 認領，請對方處理或轉交給您 (the task is claimed by someone else)"
							.formatted(task.name(), task.assignee()));
				}
				EngineErrors.refuseOnRuleViolation(() -> task.form().check(variables == null ? Map.of() : variables));
			}
			return completion.execute(context);
		});
	}

	/**
	 * A start with variables: only the start form's fields, under its rules. Whoever may not start the
	 * process at all hears that from the engine (403), not about the form. One command for the lookups.
	 */
	void checkStart(String processDefinitionId, String processDefinitionKey, Map<String, Object> variables) {
		caller().ifPresent(caller -> {
			FormSchema form = configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
				DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
				ProcessDefinitionEntity definition = processDefinitionId != null ? cache.findDeployedProcessDefinitionById(processDefinitionId)
						: cache.findDeployedLatestProcessDefinitionByKey(processDefinitionKey);
				boolean mayStart = caller.admin() || context.getProcessEngineConfiguration().getAuthorizationService().isUserAuthorized(
						caller.userId(), List.copyOf(caller.groups()), Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, definition.getKey());
				return mayStart ? formsByStep.computeIfAbsent(definition.getId() + "#start",
						step -> read(() -> new GetDeployedStartFormCmd(definition.getId()).execute(context))) : null;
			}));
			if (form != null) {
				EngineErrors.refuseOnRuleViolation(() -> form.check(variables == null ? Map.of() : variables));
			}
		});
	}

	/** Claim, assignee, owner, candidate user: by a holder of the task's role, to a holder of it. */
	void checkHandOver(String taskId, String toUserId) {
		caller().ifPresent(caller -> {
			TaskFacts task = task(taskId);
			if (task == null) {
				return;
			}
			if (!caller.admin()) {
				requireWorker(caller, task);
			}
			if (toUserId != null && !task.candidateGroups().isEmpty() && !task.candidateUsers().contains(toUserId)
					&& groupsOf(toUserId).stream().noneMatch(task.candidateGroups()::contains)) {
				throw refusal("任務「%s」只能交給%s的人員，%s 不是 (hand over only within the task's role)"
						.formatted(task.name(), roleNames(task.candidateGroups()), toUserId));
			}
		});
	}

	/** Which roles a task is offered to is the model's choice, not a user's. */
	void checkCandidateGroupChange(String taskId) {
		caller().filter(caller -> !caller.admin()).ifPresent(caller -> {
			throw refusal("任務由哪個角色處理由流程規定，不能增減角色 (the roles of a task are set by the process)");
		});
	}

	private void requireWorker(Caller caller, TaskFacts task) {
		// a candidate user is a holder of the role or a stand-in the task was offered to (DelegatedTasks)
		boolean worker = task.candidateGroups().isEmpty() ? caller.userId().equals(task.assignee())
				: caller.holdsAny(task.candidateGroups()) || task.candidateUsers().contains(caller.userId());
		if (!worker) {
			throw refusal("任務「%s」由%s處理，您沒有這個角色 (the task belongs to another role)"
					.formatted(task.name(), roleNames(task.candidateGroups())));
		}
	}

	/** The deployed form of an open task, as the guard checks it (cached per model version and step); no form takes nothing. */
	public FormSchema formOf(String taskId) {
		TaskFacts task = task(taskId);
		return task == null ? FormSchema.NONE : task.form();
	}

	TaskFacts task(String taskId) {
		return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> taskIn(context, taskId)));
	}

	private TaskFacts taskIn(CommandContext context, String taskId) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			return null;
		}
		Set<String> groups = new HashSet<>();
		Set<String> users = new HashSet<>();
		for (IdentityLink link : task.getIdentityLinks()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
			else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
				users.add(link.getUserId());
			}
		}
		String step = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
		FormSchema form = formsByStep.computeIfAbsent(step, s -> read(() -> new GetDeployedTaskFormCmd(taskId).execute(context)));
		return new TaskFacts(taskId, task.getName(), task.getAssignee(), Set.copyOf(groups), Set.copyOf(users), form);
	}

	/** The form of a task being created, inside the command creating it. */
	FormSchema formOfNewTask(DelegateTask task) {
		CommandContext context = Context.getCommandContext();
		return formsByStep.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
				step -> context.runWithoutAuthorization(() -> read(() -> new GetDeployedTaskFormCmd(task.getId()).execute(context))));
	}

	private Set<String> groupsOf(String userId) {
		return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() ->
				configuration.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
						.map(Group::getId).collect(Collectors.toSet())));
	}

	private String roleNames(Set<String> groupIds) {
		if (groupIds.isEmpty()) {
			return "指定的人員";
		}
		return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() ->
				configuration.getIdentityService().createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
						.map(g -> "「" + (g.getName() == null ? g.getId() : g.getName()) + "」").sorted()
						.collect(Collectors.joining("或"))));
	}

	private interface FormSource {
		InputStream open();
	}

	/** A step without a form takes no variables at all. */
	private static FormSchema read(FormSource source) {
		InputStream in;
		try {
			in = source.open();
		}
		catch (ProcessEngineException e) {
			return FormSchema.NONE;
		}
		try (in) {
			return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static RefusedRequest refusal(String message) {
		return new RefusedRequest(message);
	}
}
