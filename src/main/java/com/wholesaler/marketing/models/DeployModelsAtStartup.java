package com.wholesaler.marketing.models;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(2)
class DeployModelsAtStartup implements ApplicationRunner {

	private final ModelDeployer deployer;
	private final ModelsProperties properties;

	DeployModelsAtStartup(ModelDeployer deployer, ModelsProperties properties) {
		this.deployer = deployer;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		deployer.deploy(deployer.read(properties.locations()));
	}
}
