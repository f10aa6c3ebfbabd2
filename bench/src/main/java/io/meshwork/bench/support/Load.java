package io.meshwork.bench.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load: N threads send requests back to back for a while; counts and latencies.
 */
public final class Load {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Load() {}

  /** Throughput and latency of one run. */
  public record Result(long requests, long failures, double seconds, long[] latenciesNanos) {

    public double perSecond() {
      return requests / seconds;
    }

    public double percentileMillis(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1_000_000.0;
    }
  }

  /** Runs {@code threads} loops of {@code request.apply(i)} for {@code duration}; expects 2xx. */
  public static Result run(int threads, Duration duration, IntFunction<HttpRequest> request) {
    AtomicLong requests = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int t = 0; t < threads; t++) {
      long[] mine = new long[200_001];
      latencies.add(mine);
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                int n = 0;
                try {
                  while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    HttpResponse<Void> response =
                        HTTP.send(
                            request.apply(thread * 1_000_000 + n),
                            HttpResponse.BodyHandlers.discarding());
                    long took = System.nanoTime() - begin;
                    if (response.statusCode() / 100 == 2) {
                      if (n < mine.length) {
                        mine[n] = took;
                      }
                      n++;
                      requests.incrementAndGet();
                    } else {
                      failures.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                } finally {
                  mine[mine.length - 1] = n;
                  done.countDown();
                }
              },
              "load-" + t);
      worker.start();
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> all = new ArrayList<>();
    for (long[] mine : latencies) {
      int n = (int) Math.min(mine[mine.length - 1], mine.length - 1);
      for (int i = 0; i < n; i++) {
        all.add(mine[i]);
      }
    }
    return new Result(
        requests.get(), failures.get(), seconds, all.stream().mapToLong(Long::longValue).toArray());
  }

  /** Sends once and returns the body, failing on a non-2xx answer. */
  public static String send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " -> "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
  }
}
