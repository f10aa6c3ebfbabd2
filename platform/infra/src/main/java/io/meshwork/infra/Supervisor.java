package io.meshwork.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one profile's servers in the foreground until SIGTERM/SIGINT, then stops them in reverse
 * order. PostgreSQL first (Keycloak stores its realm there), then Kafka, S3Proxy and Keycloak in
 * parallel. Progress is published in the profile's state file.
 */
final class Supervisor {

  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

  private final InfraProfile profile;
  private final Path realmFile;
  private final String fingerprint;
  private final List<Server> started = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  Supervisor(InfraProfile profile, Path realmFile, String fingerprint) {
    this.profile = profile;
    this.realmFile = realmFile;
    this.fingerprint = fingerprint;
  }

  int run() throws Exception {
    Path dir = profile.dir();
    Files.createDirectories(dir);
    InfraState previous = InfraState.read(dir).orElse(InfraState.empty());
    ChildProcess.killOrphan(previous.get("keycloak.pid"), "keycloak");
    ChildProcess.killOrphan(previous.get("s3.pid"), "s3proxy");
    PostgresServer.stopOrphan(dir.resolve("postgres"));
    if (profile.ephemeral()) {
      for (String data : List.of("postgres", "kafka", "s3", "logs")) {
        Distributions.deleteRecursively(dir.resolve(data));
      }
    }

    InfraPorts ports = profile.requestedPorts().resolve();
    Secrets secrets = Secrets.loadOrCreate(dir);
    Distributions distributions = new Distributions(profile.distDir());
    Path logs = dir.resolve("logs");
    InfraState state =
        InfraState.empty()
            .put("profile", profile.name())
            .put("supervisor.pid", Long.toString(ProcessHandle.current().pid()))
            .put("fingerprint", fingerprint)
            .put("started-at", Instant.now().toString());
    state.write(dir);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "infra-shutdown"));

    Server postgres =
        new PostgresServer(
            dir.resolve("postgres"),
            profile.home().resolve("pg-work"),
            ports.postgres(),
            profile.ephemeral());
    List<Server> rest =
        List.of(
            new KafkaServer(dir.resolve("kafka"), ports),
            new S3ProxyServer(distributions, dir.resolve("s3"), logs, ports.s3(), secrets),
            new KeycloakServer(
                distributions, realmFile, logs, ports, secrets, profile.ephemeral()));
    try {
      startOne(postgres, state);
      ExecutorService pool = Executors.newFixedThreadPool(rest.size());
      List<Future<?>> futures = new ArrayList<>();
      for (Server server : rest) {
        futures.add(pool.submit(() -> startOne(server, state)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      pool.shutdown();
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      LOG.error("Infrastructure failed to start: {}", cause.getMessage(), cause);
      state.put("failure", cause.getMessage() == null ? cause.toString() : cause.getMessage());
      state.write(dir);
      stopAll();
      return 1;
    }
    LOG.info("All servers of profile '{}' ready", profile.name());
    // A server that dies takes the whole set down: the state file must never claim a dead server
    // is ready, and the next start brings up a complete, fresh set.
    while (!stopped.await(2, TimeUnit.SECONDS)) {
      for (Server server : rest) {
        if (!server.alive()) {
          LOG.error("{} died; stopping the other servers", server.component().key());
          state.put(server.component().key() + ".ready", "false");
          state.put("failure", server.component().key() + " died; see " + logs);
          state.write(dir);
          stopAll();
          return 1;
        }
      }
    }
    return 0;
  }

  private Void startOne(Server server, InfraState state) throws Exception {
    long begin = System.nanoTime();
    synchronized (started) {
      started.add(server);
    }
    server.start(state);
    long millis = (System.nanoTime() - begin) / 1_000_000;
    state.put(server.component().key() + ".ready", "true");
    state.put(server.component().key() + ".start-millis", Long.toString(millis));
    state.write(profile.dir());
    LOG.info("{} ready in {} ms", server.component().key(), millis);
    return null;
  }

  private void stopAll() {
    List<Server> toStop;
    synchronized (started) {
      toStop = new ArrayList<>(started);
      started.clear();
    }
    for (int i = toStop.size() - 1; i >= 0; i--) {
      Server server = toStop.get(i);
      try {
        server.close();
        LOG.info("{} stopped", server.component().key());
      } catch (RuntimeException e) {
        LOG.warn("{} did not stop cleanly", server.component().key(), e);
      }
    }
    stopped.countDown();
  }
}
