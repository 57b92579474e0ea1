package com.wholesaler.marketing.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.identity.Role;

/**
 * Offers tasks beyond their roles where the center says so: to today's stand-in of a holder of the
 * task's role (as a candidate user), and a director's step of an area the deputy is given to the
 * deputy (as a candidate group). Done as each task is created, and for the open tasks whenever the
 * stand-ins or the areas change and every night, when stand-ins begin and end by their dates. The
 * approval core decides whether a decision binds; this only makes the task visible in Tasklist.
 */
@Component
public class DelegatedTasks {

	private final TaskService taskService;
	private final RepositoryService repositoryService;
	private final StandIns standIns;
	private final DeputyAreas deputyAreas;
	private final People people;
	private final Clock clock;
	private final Map<String, String> processKeys = new ConcurrentHashMap<>();
	/** Today's stand-ins and the deputy's areas, read again after a change here and at least every minute (another node may change them). */
	private volatile InForce inForce;

	private record InForce(LocalDate day, List<StandIn> standIns, Set<Area> areas, Map<String, Set<String>> groups, long readAt) {
	}

	DelegatedTasks(TaskService taskService, RepositoryService repositoryService, StandIns standIns, DeputyAreas deputyAreas, People people,
			Clock clock) {
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.standIns = standIns;
		this.deputyAreas = deputyAreas;
		this.people = people;
		this.clock = clock;
	}

	/** As a task is created, inside the engine's command. */
	void offer(DelegateTask task) {
		Set<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.toSet());
		if (groups.isEmpty()) {
			return;
		}
		InForce now = inForce();
		if (groups.contains(Role.CENTER_DIRECTOR.groupId()) && area(task.getProcessDefinitionId()).filter(now.areas()::contains).isPresent()) {
			task.addCandidateGroup(Role.DEPUTY_DIRECTOR.groupId());
		}
		for (StandIn s : now.standIns()) {
			if (holdsAny(now, s.principal(), groups) && !holdsAny(now, s.standIn(), groups)) {
				task.addCandidateUser(s.standIn());
			}
		}
	}

	/** The open tasks follow the stand-ins and areas in force today. */
	@EventListener({ StandIns.DelegationChanged.class, ApplicationReadyEvent.class })
	@Scheduled(cron = "0 1 0 * * *", zone = "Asia/Shanghai")
	public void sync() {
		inForce = null;
		InForce now = inForce();
		String director = Role.CENTER_DIRECTOR.groupId();
		String deputy = Role.DEPUTY_DIRECTOR.groupId();
		for (Task task : taskService.createTaskQuery().taskCandidateGroup(director).includeAssignedTasks().list()) {
			boolean offered = groupsOf(links(task.getId())).contains(deputy);
			boolean wanted = area(task.getProcessDefinitionId()).filter(now.areas()::contains).isPresent();
			if (wanted && !offered) {
				taskService.addCandidateGroup(task.getId(), deputy);
			}
			else if (!wanted && offered) {
				taskService.deleteCandidateGroup(task.getId(), deputy);
			}
		}
		for (StandIn s : now.standIns()) {
			Set<String> roles = now.groups().get(s.principal()).stream().filter(g -> Role.ofGroupId(g).isPresent()).collect(Collectors.toSet());
			if (roles.isEmpty()) {
				continue;
			}
			for (Task task : taskService.createTaskQuery().taskCandidateGroupIn(new ArrayList<>(roles)).includeAssignedTasks().list()) {
				List<IdentityLink> links = links(task.getId());
				if (!holdsAny(now, s.standIn(), groupsOf(links)) && !candidateUsersOf(links).contains(s.standIn())) {
					taskService.addCandidateUser(task.getId(), s.standIn());
				}
			}
		}
		// a candidate user who holds none of the task's roles was a stand-in: gone when the stand-in is
		for (Task task : taskService.createTaskQuery().withCandidateUsers().list()) {
			List<IdentityLink> links = links(task.getId());
			Set<String> groups = groupsOf(links);
			for (String user : candidateUsersOf(links)) {
				boolean standingIn = now.standIns().stream().anyMatch(s -> s.standIn().equals(user) && holdsAny(now, s.principal(), groups));
				if (!groups.isEmpty() && !holdsAny(now, user, groups) && !standingIn) {
					taskService.deleteCandidateUser(task.getId(), user);
				}
			}
		}
	}

	private Optional<Area> area(String processDefinitionId) {
		return Area.ofProcess(processKeys.computeIfAbsent(processDefinitionId, id -> repositoryService.getProcessDefinition(id).getKey()));
	}

	private InForce inForce() {
		InForce known = inForce;
		LocalDate today = LocalDate.now(clock);
		long now = System.currentTimeMillis();
		if (known == null || !known.day().equals(today) || now - known.readAt() > 60_000) {
			List<StandIn> active = standIns.activeOn(today);
			Map<String, Set<String>> groups = new HashMap<>();
			active.forEach(s -> {
				groups.computeIfAbsent(s.principal(), people::groupsOf);
				groups.computeIfAbsent(s.standIn(), people::groupsOf);
			});
			known = new InForce(today, active, deputyAreas.assigned(), Map.copyOf(groups), now);
			inForce = known;
		}
		return known;
	}

	/** The user's groups from the snapshot of today's stand-ins, else from the identity service. */
	private boolean holdsAny(InForce now, String user, Set<String> groups) {
		Set<String> held = now.groups().get(user);
		return (held != null ? held : people.groupsOf(user)).stream().anyMatch(groups::contains);
	}

	private static Set<String> groupsOf(List<IdentityLink> links) {
		return links.stream().map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.toSet());
	}

	private static Set<String> candidateUsersOf(List<IdentityLink> links) {
		return links.stream().map(IdentityLink::getUserId).filter(u -> u != null).collect(Collectors.toSet());
	}

	private List<IdentityLink> links(String taskId) {
		return taskService.getIdentityLinksForTask(taskId).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).toList();
	}

	/** Adds {@link #offer} to every user task of every model, as it is parsed. */
	@Component
	static class OnTaskCreation extends AbstractProcessEnginePlugin {
		private final ObjectProvider<DelegatedTasks> delegatedTasks;

		OnTaskCreation(ObjectProvider<DelegatedTasks> delegatedTasks) {
			this.delegatedTasks = delegatedTasks;
		}

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			EveryUserTask.onCreate(configuration, task -> delegatedTasks.getObject().offer(task));
		}
	}
}
