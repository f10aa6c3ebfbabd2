package io.meshwork.bench.chaos;

import io.meshwork.testing.Fixtures;
import io.meshwork.testing.KeycloakTokens;
import io.meshwork.testing.ServiceEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code ./meshwork chaos}: faults done to the real servers while pipelines write, then what the
 * writes became, counted in every service (see {@link Convergence}). Prints one table row per
 * fault: load held, lost, duplicated, 5xx, time to recover.
 */
public final class ChaosRun {

  private static final int WRITES = Integer.getInteger("chaos.writes", 2000);
  private static final int CLIENTS = Integer.getInteger("chaos.clients", 8);
  private static final int KAFKA_SECONDS = Integer.getInteger("chaos.kafka-seconds", 60);
  private static final int KILLS = Integer.getInteger("chaos.kills", 10);
  private static final int KEYCLOAK_SECONDS = Integer.getInteger("chaos.keycloak-seconds", 30);
  private static final Duration SETTLE =
      Duration.ofSeconds(Integer.getInteger("chaos.settle-seconds", 300));
  private static final int LOAD_CLIENTS = Integer.getInteger("chaos.load-clients", 200);
  private static final int LOAD_SECONDS = Integer.getInteger("chaos.load-seconds", 60);
  private static final String PROVISIONING = "provisioning-service";

  private final Services services;
  private final Faults faults;
  private final Convergence convergence;
  private final KeycloakTokens tokens;
  private final Random random = new Random(Long.getLong("chaos.seed", 20261204L));
  private volatile String token;
  private volatile long tokenAt;
  private volatile String lastDataset = "none";

  private ChaosRun(ServiceEnvironment environment, Services services) {
    this.services = services;
    this.faults = new Faults(environment.infra(), environment.jdbcUrl());
    this.convergence = new Convergence(environment.jdbcUrl());
    this.tokens = environment.tokens();
  }

  /** One line of the table. */
  record Row(
      String fault, String load, int lost, int duplicated, String serverErrors, String recovered) {}

  public static void main(String[] args) throws Exception {
    List<Row> rows = new ArrayList<>();
    List<MixedLoad.Figure> load = new ArrayList<>();
    try (ServiceEnvironment environment = ServiceEnvironment.create();
        Services services = new Services(environment)) {
      ChaosRun chaos = new ChaosRun(environment, services);
      rows.add(chaos.kafkaStopped());
      rows.add(chaos.postgresRestarted());
      rows.add(chaos.servicesKilled());
      rows.add(chaos.keycloakDown());
      load.addAll(
          MixedLoad.run(
              services,
              chaos.token(),
              chaos.lastDataset,
              LOAD_CLIENTS,
              Duration.ofSeconds(LOAD_SECONDS)));
    } finally {
      print(rows);
      printLoad(load);
    }
  }

  private Row kafkaStopped() throws Exception {
    String run = "chaos_k_" + Fixtures.randomSuffix(4);
    Writes writes = writes(run, WRITES);
    long resumed;
    try {
      sleep(Duration.ofSeconds(2));
      faults.stopKafka();
      sleep(Duration.ofSeconds(KAFKA_SECONDS));
    } finally {
      faults.resumeKafka();
      resumed = System.nanoTime();
    }
    return settle("Kafka broker stopped " + KAFKA_SECONDS + " s", writes, WRITES, resumed);
  }

  private Row postgresRestarted() throws Exception {
    String run = "chaos_p_" + Fixtures.randomSuffix(4);
    int total = WRITES / 2;
    Writes writes = writes(run, total);
    sleep(Duration.ofSeconds(3));
    Duration down = faults.restartPostgres();
    return settle(
        String.format("PostgreSQL restarted (fast shutdown, down %.1f s)", down.toMillis() / 1e3),
        writes,
        total,
        System.nanoTime());
  }

  private Row servicesKilled() throws Exception {
    String run = "chaos_s_" + Fixtures.randomSuffix(4);
    int total = WRITES / 2;
    Writes writes = writes(run, total);
    for (int i = 0; i < KILLS; i++) {
      sleep(Duration.ofMillis(500 + random.nextInt(3000)));
      // Every other crash hits the service the pipelines write to; the rest, any of the five.
      String module =
          i % 2 == 0 ? PROVISIONING : Services.MODULES.get(random.nextInt(Services.MODULES.size()));
      services.crash(module);
    }
    return settle(
        "kill -9 of a service (every other one provisioning), " + KILLS + " times",
        writes,
        total,
        System.nanoTime());
  }

  private Row keycloakDown() throws Exception {
    String held = token();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int calls = 0;
    int failed = 0;
    boolean loginFailed;
    long start = System.nanoTime();
    faults.stopKeycloak();
    try {
      CompletableFuture<String> login = CompletableFuture.supplyAsync(() -> tokens.user("mara"));
      try {
        login.get(5, TimeUnit.SECONDS);
        loginFailed = false;
      } catch (Exception e) {
        loginFailed = true;
      }
      while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(KEYCLOAK_SECONDS)) {
        for (String module : Services.MODULES) {
          calls++;
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(services.baseUrl(module) + "/api/v1/me"))
                  .timeout(Duration.ofSeconds(5))
                  .header("Authorization", "Bearer " + held)
                  .build();
          try {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
              failed++;
            }
          } catch (Exception e) {
            failed++;
          }
        }
      }
    } finally {
      faults.resumeKeycloak();
    }
    return new Row(
        "Keycloak stopped " + KEYCLOAK_SECONDS + " s",
        (calls - failed) + "/" + calls + " calls with a held token answered",
        0,
        0,
        failed == 0 ? "0" : failed + " failed",
        loginFailed ? "new login refused during the outage" : "NEW LOGIN SUCCEEDED (unexpected)");
  }

  /** Waits for the writes and then for every service to have applied them. */
  private Row settle(String fault, Writes writes, int total, long faultEnded) throws Exception {
    Writes.Tally tally = writes.await(Duration.ofMinutes(15));
    writes.acceptedNames().stream().findFirst().ifPresent(name -> lastDataset = name);
    Duration converged = convergence.await(writes.acceptedNames(), SETTLE);
    Convergence.Count count = convergence.count(writes.acceptedNames());
    String recovered =
        converged == null
            ? "not within " + SETTLE.toSeconds() + " s"
            : String.format("%.1f s", (System.nanoTime() - faultEnded) / 1e9);
    int lost = (total - tally.accepted()) + (count.datasets() - count.settled()) + count.lost();
    return new Row(
        fault,
        String.format(
            "%d/%d accepted, %d retried after 503, %d after a refused connection, %d refused %s;"
                + " error answers in problem+json %d/%d; %d failed; half-written %d; outbox left %d",
            tally.accepted(),
            total,
            tally.unavailable(),
            tally.connectionErrors(),
            tally.refused(),
            tally.refusals(),
            tally.problemBodies(),
            tally.unavailable() + tally.otherServerErrors() + tally.refused(),
            count.failed(),
            count.halfWritten(),
            count.unpublished()),
        lost,
        count.duplicated(),
        tally.otherServerErrors() + " (503: " + tally.unavailable() + ")",
        recovered);
  }

  private Writes writes(String run, int total) {
    Supplier<String> url = () -> services.baseUrl(PROVISIONING);
    return new Writes(url, this::token, run, total, CLIENTS);
  }

  /** A platform admin's token, renewed every 5 minutes (tokens live 15). */
  private synchronized String token() {
    if (token == null || System.nanoTime() - tokenAt > TimeUnit.MINUTES.toNanos(5)) {
      token = tokens.user("ada");
      tokenAt = System.nanoTime();
    }
    return token;
  }

  private static void print(List<Row> rows) {
    System.out.println();
    System.out.println(
        "| Fault | Load held | Lost | Duplicated | 5xx other than 503 | Recovered |");
    System.out.println("|---|---|---|---|---|---|");
    for (Row row : rows) {
      System.out.printf(
          "| %s | %s | %d | %d | %s | %s |%n",
          row.fault(),
          row.load(),
          row.lost(),
          row.duplicated(),
          row.serverErrors(),
          row.recovered());
    }
  }

  private static void printLoad(List<MixedLoad.Figure> figures) {
    if (figures.isEmpty()) {
      return;
    }
    System.out.printf(
        "%n%d clients for %d s over the five services at once, half on an endpoint, half on the"
            + " same server's GET /api/v1/me (the floor):%n%n",
        LOAD_CLIENTS, LOAD_SECONDS);
    System.out.println(
        "| Service | Endpoint | req/s | p99 | errors | floor req/s | floor p99 | ratio p99 |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (MixedLoad.Figure figure : figures) {
      System.out.printf(
          "| %s | `%s` | %.0f | %.1f ms | %d | %.0f | %.1f ms | %.1fx |%n",
          figure.module(),
          figure.endpoint(),
          figure.endpointResult().perSecond(),
          figure.endpointResult().percentileMillis(99),
          figure.endpointResult().failures() + figure.floor().failures(),
          figure.floor().perSecond(),
          figure.floor().percentileMillis(99),
          figure.endpointResult().percentileMillis(99) / figure.floor().percentileMillis(99));
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
