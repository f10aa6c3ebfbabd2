package io.meshwork.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * What a load run measured ({@link Result}; {@link EventLoopLoad} drives the load), and single
 * calls for setting a benchmark up or timing one call at a time.
 *
 * <p>Single calls go through Apache HttpClient's classic (blocking) client: the caller's thread
 * does the I/O over a kept-alive connection and sends a request's head and body together, as curl
 * does. On the 2-core machine these harnesses were written on, a GraphQL POST that a bare socket
 * client has answered in 0.57-0.63 ms took 1.16 ms here, 1.8-2.1 ms through Vert.x's client (two
 * thread hand-offs per call), 2.3 ms through {@code HttpURLConnection} (head and body in separate
 * writes) and 2.4-4 ms through Java's {@code HttpClient}: that difference is the client's cost, not
 * the service's.
 */
public final class Load {

  private static final CloseableHttpClient HTTP =
      HttpClients.custom()
          .setConnectionManager(
              PoolingHttpClientConnectionManagerBuilder.create()
                  .setMaxConnPerRoute(32)
                  .setMaxConnTotal(64)
                  .setDefaultConnectionConfig(
                      ConnectionConfig.custom()
                          .setConnectTimeout(Timeout.ofSeconds(5))
                          .setSocketTimeout(Timeout.ofSeconds(90))
                          .build())
                  .build())
          .disableAutomaticRetries()
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
    BasicClassicHttpRequest request =
        new BasicClassicHttpRequest(call.method(), URI.create(call.url()));
    call.headers().forEach(request::setHeader);
    if (call.body() != null) {
      // The content type travels in the call's own header.
      request.setEntity(new ByteArrayEntity(call.body().getBytes(StandardCharsets.UTF_8), null));
    }
    try {
      Answer answer =
          HTTP.execute(
              request,
              response ->
                  new Answer(
                      response.getCode(),
                      response.getEntity() == null
                          ? ""
                          : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
      if (answer.status() / 100 != 2) {
        throw new IllegalStateException(
            call.method() + " " + call.url() + " -> " + answer.status() + ": " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(call.method() + " " + call.url(), e);
    }
  }

  private record Answer(int status, String body) {}
}
