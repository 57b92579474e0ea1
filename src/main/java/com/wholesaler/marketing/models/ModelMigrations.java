package com.wholesaler.marketing.models;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import com.wholesaler.marketing.approval.BusinessRuleException;

/**
 * Moving running instances of an older process version to the newest: what each version has
 * running, the migration plan the engine proposes (equal activities mapped), what it cannot map,
 * and the migration itself as a batch.
 */
@Service
public class ModelMigrations {

	private final RepositoryService repositoryService;
	private final RuntimeService runtimeService;
	private final ManagementService managementService;

	public ModelMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
			ManagementService managementService) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
	}

	public record Version(String definitionId, int version, String deploymentName, Date deployedAt, long runningInstances) {
	}

	public record ProcessVersions(String key, String name, List<Version> versions) {

		public Version latest() {
			return versions.get(versions.size() - 1);
		}
	}

	/** An activity of the old version and where its running instances would go. */
	public record Mapping(String sourceActivity, String targetActivity) {
	}

	public record Proposal(ProcessVersions process, Version from, Version to, List<Mapping> mappings,
			List<String> unmapped, List<String> validationProblems) {

		public boolean canMigrate() {
			return from.runningInstances() > 0 && unmapped.isEmpty() && validationProblems.isEmpty()
					&& from.version() != to.version();
		}
	}

	public List<ProcessVersions> overview() {
		Map<String, ProcessVersions> byKey = new LinkedHashMap<>();
		for (ProcessDefinition d : repositoryService.createProcessDefinitionQuery()
				.orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().asc().list()) {
			Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
			byKey.computeIfAbsent(d.getKey(), k -> new ProcessVersions(k, d.getName(), new ArrayList<>()))
					.versions().add(new Version(d.getId(), d.getVersion(), deployment.getName(), deployment.getDeploymentTime(),
							runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count()));
		}
		return new ArrayList<>(byKey.values());
	}

	public Proposal propose(String key, int fromVersion) {
		ProcessVersions process = overview().stream().filter(p -> p.key().equals(key)).findFirst()
				.orElseThrow(() -> new BusinessRuleException("沒有流程 %s (no such process)".formatted(key)));
		Version from = process.versions().stream().filter(v -> v.version() == fromVersion).findFirst()
				.orElseThrow(() -> new BusinessRuleException("流程 %s 沒有第 %d 版 (no such version)".formatted(key, fromVersion)));
		Version to = process.latest();
		List<Mapping> mappings = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Set<String> mappedSources = new TreeSet<>();
		try {
			MigrationPlan plan = plan(from, to);
			for (MigrationInstruction instruction : plan.getInstructions()) {
				mappings.add(new Mapping(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
				mappedSources.add(instruction.getSourceActivityId());
			}
		}
		catch (MigrationPlanValidationException e) {
			e.getValidationReport().getInstructionReports().forEach(r -> problems.addAll(r.getFailures()));
		}
		List<String> unmapped = new ArrayList<>();
		for (ActivityStatistics s : managementService.createActivityStatisticsQuery(from.definitionId()).list()) {
			if (s.getInstances() > 0 && !mappedSources.contains(s.getId())) {
				unmapped.add("%s（%d 個實例）".formatted(s.getId(), s.getInstances()));
			}
		}
		return new Proposal(process, from, to, mappings, unmapped, problems);
	}

	/** Starts the migration of every running instance of the version as a batch; returns the batch id. */
	public String migrate(String key, int fromVersion) {
		Proposal proposal = propose(key, fromVersion);
		if (!proposal.canMigrate()) {
			throw new BusinessRuleException("第 %d 版不能遷移到第 %d 版：%s (cannot migrate)".formatted(fromVersion,
					proposal.to().version(), String.join("；", proposal.unmapped().isEmpty()
							? (proposal.validationProblems().isEmpty() ? List.of("沒有執行中的實例") : proposal.validationProblems())
							: proposal.unmapped())));
		}
		Batch batch = runtimeService.newMigration(plan(proposal.from(), proposal.to()))
				.processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(proposal.from().definitionId()))
				.executeAsync();
		return batch.getId();
	}

	private MigrationPlan plan(Version from, Version to) {
		return runtimeService.createMigrationPlan(from.definitionId(), to.definitionId())
				.mapEqualActivities()
				.updateEventTriggers()
				.build();
	}
}
