package io.meshwork.infra;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where one set of servers keeps its data and which ports it uses. {@code local} is the developer's
 * platform (fixed ports, data kept across runs); {@code test} is the test run's (free ports chosen
 * at start, data wiped whenever its supervisor starts).
 */
public record InfraProfile(String name, Path home, boolean ephemeral, InfraPorts requestedPorts) {

  public static InfraProfile named(String name, Path home) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "local" -> new InfraProfile("local", home, false, InfraPorts.localDefaults());
      case "test" -> new InfraProfile("test", home, true, InfraPorts.dynamic());
      default -> throw new IllegalArgumentException("Unknown profile " + name + " (local|test)");
    };
  }

  /**
   * Root of everything Meshwork keeps outside the work tree: {@code $MESHWORK_HOME} or ~/.meshwork.
   */
  public static Path defaultHome() {
    String configured = System.getenv("MESHWORK_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".meshwork");
  }

  public Path dir() {
    return home.resolve(name);
  }

  public Path distDir() {
    return home.resolve("dist");
  }
}
