package com.wholesaler.marketing.models;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In the embedded (development) mode: watches processes/ and forms/ and deploys a saved change
 * within seconds, without a restart, after the model rules pass. A model that breaks a rule is not
 * deployed; the log says why, element by element.
 */
public class ModelFolderWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ModelFolderWatcher.class);
	/** Editors save in several writes; wait until the folder has been quiet this long. */
	private static final long QUIET_MILLIS = 500;

	private final ModelDeployer deployer;
	private final ModelCheck check;
	private final Path root;
	private final String deploymentName;
	private WatchService watchService;
	private Thread thread;

	public ModelFolderWatcher(ModelDeployer deployer, ModelCheck check, Path root, String deploymentName) {
		this.deployer = deployer;
		this.check = check;
		this.root = root.toAbsolutePath().normalize();
		this.deploymentName = deploymentName;
	}

	public void start() throws IOException {
		watchService = root.getFileSystem().newWatchService();
		for (String folder : List.of("processes", "forms")) {
			Path dir = root.resolve(folder);
			if (Files.isDirectory(dir)) {
				dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
			}
		}
		thread = new Thread(this::watch, "model-folder-watcher");
		thread.setDaemon(true);
		thread.start();
		log.info("Watching {} and {} for model changes", root.resolve("processes"), root.resolve("forms"));
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = watchService.take();
				key.pollEvents();
				key.reset();
				// Let the editor finish writing: keep draining until the folders are quiet.
				WatchKey more;
				while ((more = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
					more.pollEvents();
					more.reset();
				}
				deployNow();
			}
		}
		catch (InterruptedException | ClosedWatchServiceException stopped) {
			Thread.currentThread().interrupt();
		}
	}

	/** Checks the models in the folders and deploys them if they pass; what changed gets a new version. */
	public void deployNow() {
		try {
			Map<String, byte[]> models = deployer.read(List.of(
					pattern("processes", "*.bpmn"), pattern("processes", "*.dmn"), pattern("forms", "*.form")));
			List<ModelCheck.Problem> problems = check.check(models, documentedVariables());
			if (!problems.isEmpty()) {
				log.warn("Models in {} not deployed: {} problem(s)", root, problems.size());
				problems.forEach(p -> log.warn("  {}", p));
				return;
			}
			deployer.deploy(deploymentName, models);
		}
		catch (RuntimeException e) {
			log.warn("Models in {} not deployed: {}", root, e.getMessage());
		}
	}

	private String pattern(String folder, String files) {
		return root.resolve(folder).toUri() + "**/" + files;
	}

	private Map<String, Set<String>> documentedVariables() {
		Map<String, Set<String>> documented = new HashMap<>();
		Path docs = root.resolve("docs").resolve("processes");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> pages = Files.list(docs)) {
				for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
					documented.put(page.getFileName().toString().replace(".md", ""),
							ModelCheck.documentedVariables(Files.readAllLines(page)));
				}
			}
			catch (IOException e) {
				log.warn("cannot read {}: {}", docs, e.getMessage());
			}
		}
		return documented;
	}

	@Override
	public void close() throws IOException {
		if (watchService != null) {
			watchService.close();
		}
		if (thread != null) {
			thread.interrupt();
		}
	}
}
