package com.wholesaler.marketing.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Deploys the process owners' models (BPMN, DMN, forms) as one deployment with duplicate
 * filtering: nothing is deployed when no file changed, and the whole set when any file changed,
 * so a process version always finds the forms it was deployed with.
 */
@Service
public class ModelDeployer {

	public static final String DEPLOYMENT_NAME = "marketing-center-models";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
	private static final List<String> MODEL_FOLDERS = List.of("processes/", "forms/");

	private final RepositoryService repositoryService;
	private final ApplicationEventPublisher events;

	public ModelDeployer(RepositoryService repositoryService, ApplicationEventPublisher events) {
		this.repositoryService = repositoryService;
		this.events = events;
	}

	/** Reads the models matching the location patterns, named by their path from processes/ or forms/. */
	public Map<String, byte[]> read(List<String> locationPatterns) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Map<String, byte[]> models = new TreeMap<>();
		try {
			for (String pattern : locationPatterns) {
				for (Resource resource : resolver.getResources(pattern.trim())) {
					if (resource.isReadable()) {
						try (InputStream in = resource.getInputStream()) {
							models.put(resourceName(resource), in.readAllBytes());
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the models " + locationPatterns, e);
		}
		return models;
	}

	/**
	 * Deploys the models unless they are exactly what was deployed last.
	 *
	 * @return the new deployment, or empty when nothing changed
	 */
	public Optional<DeploymentWithDefinitions> deploy(Map<String, byte[]> models) {
		return deploy(DEPLOYMENT_NAME, models);
	}

	/** The same under another deployment name: duplicate filtering compares with that name's last deployment. */
	public Optional<DeploymentWithDefinitions> deploy(String deploymentName, Map<String, byte[]> models) {
		if (models.isEmpty()) {
			log.info("No models in processes/ or forms/: nothing to deploy");
			return Optional.empty();
		}
		String previous = latestDeploymentId(deploymentName);
		DeploymentBuilder builder = repositoryService.createDeployment()
				.name(deploymentName)
				.source("processes/ and forms/")
				.enableDuplicateFiltering(false);
		models.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		if (deployment.getId().equals(previous)) {
			log.info("Models unchanged ({} files): nothing deployed", models.size());
			return Optional.empty();
		}
		List<ProcessDefinition> processes = deployment.getDeployedProcessDefinitions();
		if (processes != null) {
			processes.forEach(p -> log.info("Deployed process {} ({}) as version {}", p.getKey(), p.getName(), p.getVersion()));
		}
		log.info("Deployment {} holds {} files", deployment.getId(), models.size());
		events.publishEvent(new ModelsDeployed(deployment.getId()));
		return Optional.of(deployment);
	}

	private String latestDeploymentId(String deploymentName) {
		return repositoryService.createDeploymentQuery().deploymentName(deploymentName)
				.orderByDeploymentTime().desc().listPage(0, 1)
				.stream().findFirst().map(d -> d.getId()).orElse(null);
	}

	/** "processes/plan.bpmn" whether the file sits in target/classes, a jar or a source folder. */
	static String resourceName(Resource resource) throws IOException {
		String url = resource.getURL().toString();
		int at = -1;
		for (String folder : MODEL_FOLDERS) {
			at = Math.max(at, url.lastIndexOf("/" + folder));
		}
		if (at < 0) {
			throw new IllegalArgumentException("a model must lie in processes/ or forms/: " + url);
		}
		return url.substring(at + 1);
	}
}
