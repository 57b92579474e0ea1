package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.identity.Role;

/** The models as deployed keep the rules, with the real Spring beans behind their delegate expressions. */
@IntegrationTest
class ModelRulesInContextTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ModelDeployer deployer;

	@Test
	void theDeployedModelsNameOnlyBeansThatExist() throws IOException {
		Map<String, Set<String>> documented = new HashMap<>();
		try (Stream<Path> docs = Files.list(Path.of("docs", "processes"))) {
			for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
				documented.put(doc.getFileName().toString().replace(".md", ""),
						ModelCheck.documentedVariables(Files.readAllLines(doc)));
			}
		}
		Map<String, byte[]> models = new HashMap<>(deployer.read(java.util.List.of(
				"classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form")));
		ModelCheck check = new ModelCheck(context::containsBean,
				Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toSet()));
		assertThat(check.check(models, documented)).isEmpty();
	}
}
