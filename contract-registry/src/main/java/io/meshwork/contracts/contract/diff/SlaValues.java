package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** SLA values on one scale: durations in seconds, percentages and plain numbers as they are. */
public final class SlaValues {

  private SlaValues() {}

  /** {@code {value, unit}} of an slaProperties entry; null when the value is not a number. */
  public static Double normalized(JsonNode sla) {
    JsonNode value = sla.get("value");
    if (value == null || !(value.isNumber() || value.isTextual())) {
      return null;
    }
    double number;
    try {
      number =
          value.isNumber()
              ? value.doubleValue()
              : Double.parseDouble(value.asText().replace("%", "").trim());
    } catch (NumberFormatException e) {
      return null;
    }
    String unit = sla.path("unit").asText("").toLowerCase(Locale.ROOT);
    return number
        * switch (unit) {
          case "s", "sec", "second", "seconds" -> 1;
          case "m", "min", "minute", "minutes" -> 60;
          case "h", "hr", "hour", "hours" -> 3600;
          case "d", "day", "days" -> 86_400;
          case "w", "week", "weeks" -> 604_800;
          case "month", "months" -> 2_592_000;
          case "y", "yr", "year", "years" -> 31_536_000;
          default -> 1;
        };
  }
}
