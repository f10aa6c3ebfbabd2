package io.meshwork.provisioning.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}): how long a client is willing
 * to wait for a request's outcome. As the RFC asks, a preference that cannot be read is ignored,
 * and a longer wait than the server allows is shortened to the server's limit.
 */
final class PreferWait {

  private PreferWait() {}

  /** The wait asked for in the {@code Prefer} header values, at most {@code max}; empty if none. */
  static Optional<Duration> of(List<String> headerValues, Duration max) {
    if (headerValues == null) {
      return Optional.empty();
    }
    for (String header : headerValues) {
      for (String preference : header.split(",")) {
        String token = preference.split(";", 2)[0].trim();
        int equals = token.indexOf('=');
        if (equals < 0
            || !token.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("wait")) {
          continue;
        }
        String value = token.substring(equals + 1).trim().replace("\"", "");
        if (!value.matches("[0-9]{1,9}")) {
          return Optional.empty();
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(value));
        return Optional.of(asked.compareTo(max) > 0 ? max : asked);
      }
    }
    return Optional.empty();
  }
}
