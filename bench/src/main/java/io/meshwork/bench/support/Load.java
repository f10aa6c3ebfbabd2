package io.meshwork.bench.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load run measured ({@link Result}; {@link EventLoopLoad} drives the load), and single
 * calls for setting a benchmark up or timing one call at a time.
 *
 * <p>Single calls go through {@link HttpURLConnection}: it does the I/O on the caller's thread over
 * a kept-alive connection, as curl or a pipeline's script does. Java's {@code HttpClient} hands
 * every exchange between its selector and executor threads, which on the 2-core machine this was
 * measured on added 2-3.5 ms to each call (a health check: 2.4-4 ms against 0.65 ms here and 0.53
 * ms over a bare socket), and that is the client's cost, not the service's.
 */
public final class Load {

  static {
    // Idle connections kept per server: enough for the harnesses' parallel clients.
    System.setProperty("http.maxConnections", "32");
  }

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 90_000;

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
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(call.url()).toURL().openConnection();
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(READ_TIMEOUT_MILLIS);
      connection.setRequestMethod(call.method());
      call.headers().forEach(connection::setRequestProperty);
      if (call.body() != null) {
        byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
      }
      int status = connection.getResponseCode();
      String answer =
          read(status / 100 == 2 ? connection.getInputStream() : connection.getErrorStream());
      if (status / 100 != 2) {
        throw new IllegalStateException(
            call.method() + " " + call.url() + " -> " + status + ": " + answer);
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(call.method() + " " + call.url(), e);
    }
  }

  /** Reads to the end, so the connection goes back to the keep-alive cache. */
  private static String read(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
