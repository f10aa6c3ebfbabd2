package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A share as a number between 0 and 1 ({@code 0.2}) or a percentage ({@code "20%"}). */
final class Fractions {

  private Fractions() {}

  static Optional<Double> parse(JsonNode value) {
    double share;
    if (value.isNumber()) {
      share = value.asDouble();
    } else if (value.isTextual() && value.asText().trim().endsWith("%")) {
      String number = value.asText().trim();
      try {
        share = Double.parseDouble(number.substring(0, number.length() - 1)) / 100.0;
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    return share >= 0 && share <= 1 ? Optional.of(share) : Optional.empty();
  }
}
