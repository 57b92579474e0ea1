package com.wholesaler.marketing.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.wholesaler.marketing.approval.ModelExpressions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.wholesaler.marketing.identity.Role;

@Configuration
class ModelsConfig {

	private static final Logger log = LoggerFactory.getLogger(ModelsConfig.class);

	@Bean
	ModelCheck modelCheck(ModelExpressions expressions) {
		return new ModelCheck(expressions::isExposed, Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet()));
	}

	/** Only where the model folders sit beside the running application: the embedded development mode. */
	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "marketing.models.watch", havingValue = "true")
	ModelFolderWatcher modelFolderWatcher(ModelDeployer deployer, ModelCheck check) throws IOException {
		ModelFolderWatcher watcher = new ModelFolderWatcher(deployer, check, Path.of(""), ModelDeployer.DEPLOYMENT_NAME);
		if (Files.isDirectory(Path.of("processes"))) {
			watcher.start();
		}
		else {
			log.info("No processes/ folder here: models are deployed from the application only");
		}
		return watcher;
	}
}
