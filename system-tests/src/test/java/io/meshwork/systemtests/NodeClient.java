package io.meshwork.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A third-party JavaScript client, unmodified, installed from the npm registry into target/ beside
 * its check script from src/test/js/&lt;name&gt;; the script prints what it observed as its last
 * line, one JSON object.
 */
final class NodeClient {

  private final Path dir;

  private NodeClient(Path dir) {
    this.dir = dir;
  }

  /** Copies {@code src/test/js/<name>} to {@code target/<name>} and runs npm install once. */
  static NodeClient install(String name) throws IOException, InterruptedException {
    Path dir = Path.of("target", name);
    Files.createDirectories(dir);
    Path sources = Path.of("src", "test", "js", name);
    for (String file : List.of("package.json", "client-check.mjs")) {
      Files.copy(sources.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    // Installed again when package.json changed since the last install.
    Path installed = dir.resolve("node_modules").resolve(".meshwork-installed");
    String packageJson = Files.readString(dir.resolve("package.json"));
    if (!Files.exists(installed) || !Files.readString(installed).equals(packageJson)) {
      Process npm =
          new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("npm-install.log").toFile())
              .start();
      assertThat(npm.waitFor(180, TimeUnit.SECONDS)).as("npm install finished").isTrue();
      assertThat(npm.exitValue()).as("npm install; see " + dir.resolve("npm-install.log")).isZero();
      Files.writeString(installed, packageJson);
    }
    return new NodeClient(dir);
  }

  /** Runs the check script with {@code env}; fails the test unless it exits 0. */
  JsonNode check(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder node = new ProcessBuilder("node", "client-check.mjs").directory(dir.toFile());
    node.environment().putAll(env);
    node.redirectErrorStream(true);
    Process process = node.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("node client-check.mjs printed:\n" + output).isZero();
    String lastLine = output.strip().lines().reduce((a, b) -> b).orElse("{}");
    return new ObjectMapper().readTree(lastLine);
  }
}
