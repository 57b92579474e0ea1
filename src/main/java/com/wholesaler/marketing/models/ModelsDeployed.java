package com.wholesaler.marketing.models;

/** Published after a new deployment of the models, so that what depends on them can follow. */
public record ModelsDeployed(String deploymentId) {
}
