package io.meshwork.testing;

import io.meshwork.infra.Component;
import io.meshwork.infra.InfraProfile;
import io.meshwork.infra.InfraState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test run's real servers: reused when already up (as {@code ./meshwork test} leaves them for
 * the whole build), otherwise started through {@code ./meshwork infra start --profile test}, the
 * same launcher the local run and CI use. They stay up for the next module.
 */
public final class TestInfra {

  private TestInfra() {}

  public static InfraProfile profile() {
    return InfraProfile.named("test", InfraProfile.defaultHome());
  }

  public static synchronized InfraState ensureRunning(Component... needed) {
    Optional<InfraState> current = InfraState.read(profile().dir());
    if (current.isPresent() && current.get().supervisorAlive() && allReady(current.get(), needed)) {
      return current.get();
    }
    start(needed);
    return InfraState.read(profile().dir())
        .filter(state -> allReady(state, needed))
        .orElseThrow(() -> new IllegalStateException("Test infrastructure did not come up"));
  }

  private static boolean allReady(InfraState state, Component... needed) {
    return Arrays.stream(needed).allMatch(state::isReady);
  }

  private static void start(Component... needed) {
    String wait = Arrays.stream(needed).map(Component::key).collect(Collectors.joining(","));
    ProcessBuilder builder =
        new ProcessBuilder(
            projectRoot().resolve("meshwork").toString(),
            "infra",
            "start",
            "--profile",
            "test",
            "--wait",
            wait);
    builder.inheritIO();
    try {
      int exit = builder.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "./meshwork infra start failed ("
                + exit
                + "); see "
                + profile().dir().resolve("supervisor.log"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run ./meshwork", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting test infrastructure", e);
    }
  }

  /** The checkout's root: {@code -Dmeshwork.root} (set by the parent pom) or found upwards. */
  public static Path projectRoot() {
    String configured = System.getProperty("meshwork.root");
    if (configured != null && Files.exists(Path.of(configured, "meshwork"))) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("meshwork"))
          && Files.isDirectory(dir.resolve("platform/infra"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "Cannot find the Meshwork checkout from " + Path.of("").toAbsolutePath());
  }

  public static Set<Component> all() {
    return Set.of(Component.values());
  }
}
