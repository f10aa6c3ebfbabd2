package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** SLA properties: a promise dropped or weakened is breaking, one added or strengthened is not. */
final class SlaDiff {

  /** SLA properties where a larger value is a weaker promise. */
  private static final Set<String> LOWER_IS_BETTER =
      Set.of(
          "latency",
          "freshness",
          "frequency",
          "errorrate",
          "timetodetect",
          "timetonotify",
          "timetorepair");

  /** ... and where a smaller value is. */
  private static final Set<String> HIGHER_IS_BETTER =
      Set.of("availability", "retention", "throughput");

  private final Changes changes;

  SlaDiff(Changes changes) {
    this.changes = changes;
  }

  void compare(JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = Changes.byKey(before, "property");
    Map<String, JsonNode> neu = Changes.byKey(after, "property");
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String path = "slaProperties." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        changes.add(
            Severity.BREAKING,
            "SLA_REMOVED",
            path,
            describe(entry.getValue()),
            null,
            "the " + entry.getKey() + " promise is dropped");
        continue;
      }
      String property = entry.getKey().toLowerCase(Locale.ROOT);
      Double oldValue = SlaValues.normalized(entry.getValue());
      Double newValue = SlaValues.normalized(replacement);
      if (oldValue == null || newValue == null || oldValue.equals(newValue)) {
        if (!describe(entry.getValue()).equals(describe(replacement))) {
          changes.add(
              Severity.WARNING,
              "SLA_CHANGED",
              path,
              describe(entry.getValue()),
              describe(replacement),
              "the promise changes in a way that cannot be compared");
        }
        continue;
      }
      boolean weaker =
          LOWER_IS_BETTER.contains(property)
              ? newValue > oldValue
              : HIGHER_IS_BETTER.contains(property) && newValue < oldValue;
      boolean comparable =
          LOWER_IS_BETTER.contains(property) || HIGHER_IS_BETTER.contains(property);
      changes.add(
          weaker ? Severity.BREAKING : (comparable ? Severity.INFO : Severity.WARNING),
          weaker ? "SLA_WEAKENED" : (comparable ? "SLA_STRENGTHENED" : "SLA_CHANGED"),
          path,
          describe(entry.getValue()),
          describe(replacement),
          weaker ? "consumers are promised less" : "the promise changes");
    }
    for (String added : neu.keySet()) {
      if (!old.containsKey(added)) {
        changes.add(
            Severity.INFO,
            "SLA_ADDED",
            "slaProperties." + added,
            null,
            describe(neu.get(added)),
            "new promise");
      }
    }
  }

  private static String describe(JsonNode sla) {
    return sla.path("value").asText()
        + (sla.hasNonNull("unit") ? " " + sla.get("unit").asText() : "");
  }
}
