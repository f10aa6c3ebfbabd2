package io.meshwork.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own JVM, as
 * in production: for tests that cross services, and benchmarks.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String module;
  private final Process process;
  private final int port;
  private final Path log;

  private ServiceProcess(String module, Process process, int port, Path log) {
    this.module = module;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code module}'s jar with {@code env} (Quarkus reads {@code QUARKUS_*} and other config
   * from the environment) and waits until {@code /q/health/ready} is UP. {@code
   * MESHWORK_SERVICE_HEAP} (default 384m) and {@code MESHWORK_SERVICE_GC} (default SerialGC, or
   * ParallelGC, G1GC, ZGC) choose the JVM's heap and collector.
   */
  public static ServiceProcess start(String module, Map<String, String> env, Path logDir) {
    Path jar =
        TestInfra.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package " + module + " first");
    }
    int port = freePort();
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(module + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx" + env.getOrDefault("MESHWORK_SERVICE_HEAP", "384m"),
              "-XX:+Use" + env.getOrDefault("MESHWORK_SERVICE_GC", "SerialGC"),
              "-jar",
              jar.toString());
      builder.environment().putAll(env);
      builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
      // Appended: a service started again (after a crash, say) keeps the log of the one before.
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      ServiceProcess service = new ServiceProcess(module, builder.start(), port, log);
      service.awaitReady(Duration.ofSeconds(90));
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + module, e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  private void awaitReady(Duration timeout) {
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(module + " exited while starting; see " + log);
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    close();
    throw new IllegalStateException(module + " not ready after " + timeout + "; see " + log);
  }

  /** SIGKILL: no shutdown hooks, no graceful stop; as a crash. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
