package com.wholesaler.marketing.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every model in processes/ has its picture in docs/processes/, drawn from the model as it is now. */
class DiagramsUpToDateTest {

	@Test
	void everyDiagramWasRenderedFromTheCurrentModel() throws IOException, NoSuchAlgorithmException {
		List<Path> models;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
		}
		assertThat(models).isNotEmpty();
		for (Path model : models) {
			String name = model.getFileName().toString().replace(".bpmn", ".svg");
			Path svg = Path.of("docs", "processes", name);
			assertThat(svg).as("picture of %s; run: npm --prefix tools ci && npm --prefix tools run render", model)
					.exists();
			String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
			assertThat(Files.readAllLines(svg).get(0))
					.as("%s changed since its picture was drawn; run: npm --prefix tools run render", model)
					.contains("sha256:" + sha);
		}
	}
}
