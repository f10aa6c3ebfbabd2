package io.meshwork.contracts.observability;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in specs ({@code 24h}, {@code 30m}, {@code 2d}) or ISO-8601. */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})\\s*(s|m|h|d|w)$");

  private Durations() {}

  static Optional<Duration> parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      Duration duration =
          switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(amount * 7);
          };
      return duration.isZero() ? Optional.empty() : Optional.of(duration);
    }
    try {
      Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
