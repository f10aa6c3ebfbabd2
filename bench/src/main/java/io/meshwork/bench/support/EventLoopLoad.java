package io.meshwork.bench.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load driven by one Vert.x event loop over N keep-alive connections, as wrk
 * does: the load generator shares this machine's two cores with the service, and one thread
 * multiplexing sockets leaves the service far more of them than a blocked thread per client. Every
 * connection sends its next request when the answer to the last one has been read.
 */
public final class EventLoopLoad implements AutoCloseable {

  /** One request: method, path (with query), headers and body (or null). */
  public record Request(HttpMethod method, String path, MultiMap headers, Buffer body) {

    public static Request get(String path, String authorization) {
      return new Request(
          HttpMethod.GET,
          path,
          MultiMap.caseInsensitiveMultiMap().add("Authorization", authorization),
          null);
    }

    public static Request postJson(String path, String authorization, String json) {
      return new Request(
          HttpMethod.POST,
          path,
          MultiMap.caseInsensitiveMultiMap()
              .add("Authorization", authorization)
              .add("Content-Type", "application/json"),
          Buffer.buffer(json));
    }
  }

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final String host;
  private final int port;

  public EventLoopLoad(String baseUrl) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
  }

  /** Runs {@code connections} request loops for {@code duration}; a non-2xx answer is a failure. */
  public Load.Result run(int connections, Duration duration, IntFunction<Request> requests) {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(5_000),
            new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(connections));
    Run run = new Run(client, requests, System.nanoTime() + duration.toNanos(), connections);
    long start = System.nanoTime();
    // All callbacks run on the single event loop, so the run's counters need no locking.
    vertx.runOnContext(ignored -> run.startAll());
    try {
      if (!run.done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the load did not finish in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      client.close().toCompletionStage().toCompletableFuture().join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Load.Result(
        run.succeeded, run.failed, seconds, Arrays.copyOf(run.latencies, run.recorded));
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static final class Run {
    private final HttpClient client;
    private final IntFunction<Request> requests;
    private final long end;
    private final int connections;
    private final CountDownLatch done;
    private long[] latencies = new long[1 << 16];
    private int recorded;
    private int sequence;
    private long succeeded;
    private long failed;

    Run(HttpClient client, IntFunction<Request> requests, long end, int connections) {
      this.client = client;
      this.requests = requests;
      this.end = end;
      this.connections = connections;
      this.done = new CountDownLatch(connections);
    }

    void startAll() {
      for (int i = 0; i < connections; i++) {
        next();
      }
    }

    private void next() {
      if (System.nanoTime() >= end) {
        done.countDown();
        return;
      }
      Request request = requests.apply(sequence++);
      long begin = System.nanoTime();
      client
          .request(
              new RequestOptions()
                  .setMethod(request.method())
                  .setURI(request.path())
                  .setHeaders(request.headers()))
          .compose(r -> request.body() == null ? r.send() : r.send(request.body()))
          .compose(response -> response.body().map(body -> response.statusCode()))
          .onComplete(
              answer -> {
                if (answer.succeeded() && answer.result() / 100 == 2) {
                  record(System.nanoTime() - begin);
                } else {
                  failed++;
                }
                next();
              });
    }

    private void record(long nanos) {
      succeeded++;
      if (recorded == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[recorded++] = nanos;
    }
  }
}
