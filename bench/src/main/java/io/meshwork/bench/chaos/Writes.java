package io.meshwork.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Dataset requests from several clients, as a pipeline would send them: each request is retried
 * (the same body, which provisioning answers idempotently) until it is accepted, so a fault shows
 * as retries and refusals, never as a request silently given up.
 */
final class Writes implements AutoCloseable {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Supplier<String> baseUrl;
  private final Supplier<String> token;
  private final String run;
  private final int total;
  private final ExecutorService clients;
  private final AtomicInteger next = new AtomicInteger();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final AtomicLong unavailable = new AtomicLong();
  private final AtomicLong otherServerErrors = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Map<Integer, String> refusals = new ConcurrentHashMap<>();
  private final AtomicLong connectionErrors = new AtomicLong();
  private final AtomicLong problemBodies = new AtomicLong();
  private volatile boolean stopped;

  Writes(Supplier<String> baseUrl, Supplier<String> token, String run, int total, int clients) {
    this.total = total;
    this.baseUrl = baseUrl;
    this.token = token;
    this.run = run;
    // Daemon threads: a harness that fails half way must not be kept alive by its writers.
    this.clients =
        Executors.newFixedThreadPool(
            clients,
            work -> {
              Thread thread = new Thread(work, "chaos-writer");
              thread.setDaemon(true);
              return thread;
            });
    for (int i = 0; i < clients; i++) {
      this.clients.submit(this::loop);
    }
  }

  record Tally(
      int accepted,
      long unavailable,
      long otherServerErrors,
      long refused,
      long connectionErrors,
      long problemBodies,
      Map<Integer, String> refusals) {}

  /** Waits until every request was accepted (or refused), at most {@code deadline}. */
  Tally await(Duration deadline) throws InterruptedException {
    clients.shutdown();
    if (!clients.awaitTermination(deadline.toSeconds(), TimeUnit.SECONDS)) {
      stopped = true;
      clients.shutdownNow();
    }
    return tally();
  }

  Tally tally() {
    return new Tally(
        accepted.size(),
        unavailable.get(),
        otherServerErrors.get(),
        refused.get(),
        connectionErrors.get(),
        problemBodies.get(),
        Map.copyOf(refusals));
  }

  List<String> acceptedNames() {
    return List.copyOf(accepted);
  }

  private void loop() {
    while (!stopped) {
      int i = next.getAndIncrement();
      if (i >= total) {
        return;
      }
      String name = run + "_" + i;
      while (!stopped && !send(name)) {
        pause();
      }
    }
  }

  /** True once the dataset is accepted (202, or 200 for a repeat of one already accepted). */
  private boolean send(String name) {
    String body =
        """
        {"name":"%s","domain":"marketing","storage":"s3://data-lake/domain=marketing/%s",\
        "schemaDefinition":[{"name":"id","type":"string","primaryKey":true}]}"""
            .formatted(name, name);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl.get() + "/api/v1/datasets"))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token.get())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status >= 400
          && response.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
        problemBodies.incrementAndGet();
      }
      if (status == 200 || status == 201 || status == 202) {
        accepted.add(name);
        return true;
      }
      if (status == 503) {
        unavailable.incrementAndGet();
      } else if (status >= 500) {
        otherServerErrors.incrementAndGet();
      } else {
        refused.incrementAndGet();
        refusals.putIfAbsent(status, response.body());
        return status != 401; // a stale token is renewed and the request sent again; others end
      }
      return false;
    } catch (IOException e) {
      connectionErrors.incrementAndGet();
      return false;
    } catch (RuntimeException e) {
      // Whatever else goes wrong on the client's side is shown (status -1), and sent again.
      refusals.putIfAbsent(-1, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return true;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopped = true;
    clients.shutdownNow();
  }
}
