package io.meshwork.web.values;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A percentage as written in a spec ({@code 99.95%}, or the bare number): more than 0, at most 100.
 */
public final class Percent {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Percent() {}

  public static Optional<BigDecimal> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    try {
      BigDecimal value = new BigDecimal(t);
      return value.signum() > 0 && value.compareTo(HUNDRED) <= 0
          ? Optional.of(value)
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
