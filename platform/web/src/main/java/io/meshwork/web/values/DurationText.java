package io.meshwork.web.values;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as people write it in a spec: {@code 24h}, {@code 30m}, {@code 7d}, {@code 2w}, {@code
 * 90s}, or ISO-8601 ({@code PT1H}, {@code P1D}, {@code P1Y}). Calendar amounts count 30-day months
 * and 365-day years: a retention or a freshness bound, not a date.
 */
public final class DurationText {

  private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})\\s*(ms|s|m|h|d|w)$");

  private DurationText() {}

  public static Optional<Duration> tryParse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip();
    Matcher shortForm = SHORT.matcher(t.toLowerCase(Locale.ROOT));
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return Optional.of(
          switch (shortForm.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
          });
    }
    String iso = t.toUpperCase(Locale.ROOT);
    try {
      return Optional.of(Duration.parse(iso));
    } catch (DateTimeParseException notTime) {
      try {
        Period period = Period.parse(iso);
        if (period.isNegative()) {
          return Optional.empty();
        }
        return Optional.of(
            Duration.ofDays(
                period.getYears() * 365L + period.getMonths() * 30L + period.getDays()));
      } catch (DateTimeParseException notPeriod) {
        return Optional.empty();
      }
    }
  }

  public static Duration parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a duration: " + text));
  }
}
