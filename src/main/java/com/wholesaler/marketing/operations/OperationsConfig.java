package com.wholesaler.marketing.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic refresh of the process metrics. */
@Configuration
@EnableScheduling
class OperationsConfig {
}
