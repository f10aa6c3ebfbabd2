package io.meshwork.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server run as a separate OS process, with its output in a log file. */
final class ChildProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, ProcessBuilder builder, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    return new ChildProcess(name, builder.start(), log);
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Polls {@code url} until it answers 200, failing early if the process dies. */
  void awaitHttpOk(String url, Duration timeout) throws InterruptedException {
    awaitHttp(url, timeout, status -> status == 200);
  }

  /** Polls {@code url} until the server answers at all. */
  void awaitListening(String url, Duration timeout) throws InterruptedException {
    awaitHttp(url, timeout, status -> true);
  }

  private void awaitHttp(String url, Duration timeout, IntPredicate acceptable)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        if (acceptable.test(
            HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} did not stop within {}; killing it", name, grace);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills a process left by a supervisor that was itself killed, if it still runs. */
  static void killOrphan(Optional<String> pid, String expectedCommandPart) {
    pid.map(Long::parseLong)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(
            handle ->
                handle
                    .info()
                    .commandLine()
                    .map(line -> line.contains(expectedCommandPart))
                    .orElse(false))
        .ifPresent(
            handle -> {
              LOG.warn("Stopping orphaned {} (pid {})", expectedCommandPart, handle.pid());
              handle.destroy();
              try {
                handle.onExit().get(30, TimeUnit.SECONDS);
              } catch (Exception e) {
                handle.destroyForcibly();
              }
            });
  }
}
