package com.wholesaler.marketing;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates the domain tables before the engine builds: on an empty database the engine's
 * schema would otherwise make Flyway see a non-empty schema without its history table, and start-up
 * listeners of the engine may already read domain tables.
 */
@Configuration(proxyBeanMethods = false)
class DomainSchemaFirst extends AbstractDependsOnBeanFactoryPostProcessor {

	DomainSchemaFirst() {
		super(ProcessEngineFactoryBean.class, "flywayInitializer");
	}
}
