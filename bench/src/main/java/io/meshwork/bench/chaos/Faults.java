package io.meshwork.bench.chaos;

import io.meshwork.infra.InfraState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults, done to the real servers of the test profile. Kafka runs inside the supervisor's JVM,
 * so stopping that process (SIGSTOP) stops the broker as a hung machine would: connections stay
 * open and nothing answers. PostgreSQL is restarted with its own {@code pg_ctl}.
 */
final class Faults {

  private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"|(\\S+)");

  private final InfraState infra;
  private final String jdbcUrl;

  Faults(InfraState infra, String jdbcUrl) {
    this.infra = infra;
    this.jdbcUrl = jdbcUrl;
  }

  void stopKafka() {
    signal("STOP", infra.require("supervisor.pid"));
  }

  void resumeKafka() {
    signal("CONT", infra.require("supervisor.pid"));
  }

  /** The whole tree: keycloak.pid is its start script, the server is the JVM beneath it. */
  void stopKeycloak() {
    tree("STOP", infra.require("keycloak.pid"));
  }

  void resumeKeycloak() {
    tree("CONT", infra.require("keycloak.pid"));
  }

  private static void tree(String signal, String pid) {
    signal(signal, pid);
    ProcessHandle.of(Long.parseLong(pid))
        .ifPresent(root -> root.descendants().forEach(p -> signal(signal, Long.toString(p.pid()))));
  }

  /**
   * A fast shutdown (SIGINT: sessions cut, checkpoint, exit), then the postmaster started again
   * with the command line it ran with (postmaster.opts). Returns once PostgreSQL accepts
   * connections again.
   */
  Duration restartPostgres() throws Exception {
    Path data = Path.of(infra.require("postgres.data-dir"));
    String opts = Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    Matcher argument = ARGUMENT.matcher(opts.strip());
    while (argument.find()) {
      command.add(argument.group(1) != null ? argument.group(1) : argument.group(2));
    }
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    long start = System.nanoTime();
    signal("INT", Long.toString(pid));
    Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
    if (postmaster.isPresent()) {
      postmaster.get().onExit().get(60, TimeUnit.SECONDS);
    }
    Path log = data.getParent().resolve("logs").resolve("postgres-restart.log");
    Files.createDirectories(log.getParent());
    // As the test servers start it: in a user namespace (PostgreSQL refuses to run as root), in
    // its own session so that it outlives this harness.
    command.addAll(0, List.of("setsid", "unshare", "-U"));
    new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
        return Duration.ofNanos(System.nanoTime() - start);
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("PostgreSQL did not come back; see " + log, e);
        }
        Thread.sleep(100);
      }
    }
  }

  private static void signal(String signal, String pid) {
    run("kill", "-" + signal, pid);
  }

  private static void run(String... command) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
