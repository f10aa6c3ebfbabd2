package io.meshwork.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load run measured ({@link Result}; {@link EventLoopLoad} drives the load), and single
 * calls for setting a benchmark up or timing one call at a time.
 *
 * <p>Single calls go over {@link BareHttp}: the caller's thread writes the request (head and body
 * together) to a kept-alive socket and reads the answer, with no client library between. On the
 * 2-core machine these harnesses were written on, a trivial authenticated GET after a 100 ms pause
 * took 2.1-2.3 ms this way (Python's http.client: 2.1 ms) and 3.5-4.1 ms through Apache
 * HttpClient's classic client; Java's {@code HttpClient} and {@code HttpURLConnection} cost more
 * still. That difference is the client's cost, not the service's.
 */
public final class Load {

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

  /** One HTTP call: method, address, headers and an optional body. */
  public record Call(String method, String url, Map<String, String> headers, String body) {

    public Call header(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.put(name, value);
      return new Call(method, url, all, body);
    }
  }

  public static Call get(String url) {
    return new Call("GET", url, Map.of(), null);
  }

  public static Call delete(String url) {
    return new Call("DELETE", url, Map.of(), null);
  }

  public static Call post(String url, String body) {
    return new Call("POST", url, Map.of(), body);
  }

  public static Call put(String url, String body) {
    return new Call("PUT", url, Map.of(), body);
  }

  /** Sends once and returns the body, failing on a non-2xx answer. */
  public static String send(Call call) {
    try {
      BareHttp.Answer answer =
          BareHttp.exchange(
              call.method(),
              URI.create(call.url()),
              call.headers(),
              call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8));
      if (answer.status() / 100 != 2) {
        throw new IllegalStateException(
            call.method() + " " + call.url() + " -> " + answer.status() + ": " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(call.method() + " " + call.url(), e);
    }
  }
}
