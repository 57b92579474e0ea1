package com.wholesaler.marketing.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.wholesaler.marketing.approval.RefusedRequest;

/**
 * A model deployed by a person (Camunda Modeler or any other client of POST /engine-rest/deployment/create)
 * passes the same checks as the folder's before the engine accepts it: a refused deployment answers
 * 400 with the check's messages and deploys nothing. The application's own deployments at start-up
 * were checked by the build, the hot deployment of a saved file by ModelFolderWatcher.
 */
@Component
class ModelCheckOnDeploy extends AbstractProcessEnginePlugin implements Deployer {

	private final ModelCheck check;
	private volatile Map<String, Set<String>> documented;

	ModelCheckOnDeploy(@Lazy ModelCheck check) {
		this.check = check;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreDeployers());
		deployers.add(this);
		configuration.setCustomPreDeployers(deployers);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		CommandContext command = Context.getCommandContext();
		if (!deployment.isNew() || command == null || command.getAuthenticatedUserId() == null) {
			return;
		}
		Map<String, byte[]> models = new HashMap<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			models.put(resource.getName(), resource.getBytes());
		}
		List<ModelCheck.Problem> problems = check.check(models, documentedVariables());
		if (!problems.isEmpty()) {
			throw new RefusedRequest("模型未通過檢查，未部署 (the models fail the checks; nothing was deployed): "
					+ problems.stream().map(ModelCheck.Problem::toString).collect(Collectors.joining("; ")));
		}
	}

	/** The variable tables of the docs pages, packaged with the application. */
	private Map<String, Set<String>> documentedVariables() {
		if (documented == null) {
			Map<String, Set<String>> pages = new HashMap<>();
			try {
				for (Resource page : new PathMatchingResourcePatternResolver().getResources("classpath*:docs/processes/*.md")) {
					try (InputStream in = page.getInputStream()) {
						pages.put(page.getFilename().replace(".md", ""), ModelCheck.documentedVariables(
								new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			documented = pages;
		}
		return documented;
	}
}
