package com.wholesaler.marketing.models;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the models are read from (Spring resource patterns). */
@ConfigurationProperties("marketing.models")
public record ModelsProperties(List<String> locations) {
}
