package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A property's constraints: bounds, pattern and format in its logicalTypeOptions, and the values
 * its invalidValues rule allows. Tighter is breaking, looser compatible.
 */
final class ConstraintDiff {

  private final Changes changes;

  ConstraintDiff(Changes changes) {
    this.changes = changes;
  }

  void options(String path, JsonNode before, JsonNode after) {
    String at = path + ".logicalTypeOptions";
    lowerBound(at, before, after, "minimum");
    lowerBound(at, before, after, "exclusiveMinimum");
    lowerBound(at, before, after, "minLength");
    lowerBound(at, before, after, "minItems");
    upperBound(at, before, after, "maximum");
    upperBound(at, before, after, "exclusiveMaximum");
    upperBound(at, before, after, "maxLength");
    upperBound(at, before, after, "maxItems");
    textOption(
        at, before, after, "pattern", Severity.BREAKING, "values must now match another pattern");
    textOption(at, before, after, "format", Severity.WARNING, "the value format changes");
  }

  private void lowerBound(String path, JsonNode before, JsonNode after, String key) {
    JsonNode old = before.get(key);
    JsonNode neu = after.get(key);
    if (Objects.equals(old, neu)) {
      return;
    }
    if (neu != null && (old == null || compareValues(neu, old) > 0)) {
      changes.add(
          Severity.BREAKING,
          "CONSTRAINT_TIGHTENED",
          path + "." + key,
          Changes.text(old),
          Changes.text(neu),
          key + " raised: values allowed before are refused now");
    } else {
      changes.add(
          Severity.INFO,
          "CONSTRAINT_LOOSENED",
          path + "." + key,
          Changes.text(old),
          Changes.text(neu),
          key + " lowered");
    }
  }

  private void upperBound(String path, JsonNode before, JsonNode after, String key) {
    JsonNode old = before.get(key);
    JsonNode neu = after.get(key);
    if (Objects.equals(old, neu)) {
      return;
    }
    if (neu != null && (old == null || compareValues(neu, old) < 0)) {
      changes.add(
          Severity.BREAKING,
          "CONSTRAINT_TIGHTENED",
          path + "." + key,
          Changes.text(old),
          Changes.text(neu),
          key + " lowered: values allowed before are refused now");
    } else {
      changes.add(
          Severity.INFO,
          "CONSTRAINT_LOOSENED",
          path + "." + key,
          Changes.text(old),
          Changes.text(neu),
          key + " raised");
    }
  }

  private void textOption(
      String path, JsonNode before, JsonNode after, String key, Severity severity, String why) {
    String old = before.path(key).asText(null);
    String neu = after.path(key).asText(null);
    if (Objects.equals(old, neu)) {
      return;
    }
    if (neu == null) {
      changes.add(
          Severity.INFO, "CONSTRAINT_LOOSENED", path + "." + key, old, null, key + " removed");
    } else {
      changes.add(severity, "CONSTRAINT_TIGHTENED", path + "." + key, old, neu, why);
    }
  }

  /** Allowed values live in invalidValues rules (ODCS 3.1 has no enum on properties). */
  void allowedValues(String path, JsonNode before, JsonNode after) {
    Set<String> old = validValues(before);
    Set<String> neu = validValues(after);
    if (old == null && neu == null) {
      return;
    }
    if (old == null) {
      changes.add(
          Severity.BREAKING,
          "ENUM_ADDED",
          path + ".validValues",
          null,
          String.valueOf(neu),
          "values are now limited to " + neu);
      return;
    }
    if (neu == null) {
      changes.add(
          Severity.WARNING,
          "ENUM_REMOVED",
          path + ".validValues",
          String.valueOf(old),
          null,
          "consumers may now receive any value");
      return;
    }
    Set<String> dropped = new LinkedHashSet<>(old);
    dropped.removeAll(neu);
    Set<String> added = new LinkedHashSet<>(neu);
    added.removeAll(old);
    if (!dropped.isEmpty()) {
      changes.add(
          Severity.BREAKING,
          "ENUM_NARROWED",
          path + ".validValues",
          String.valueOf(old),
          String.valueOf(neu),
          "values " + dropped + " are no longer allowed");
    }
    if (!added.isEmpty()) {
      changes.add(
          Severity.WARNING,
          "ENUM_WIDENED",
          path + ".validValues",
          String.valueOf(old),
          String.valueOf(neu),
          "consumers may receive new values " + added);
    }
  }

  private static Set<String> validValues(JsonNode property) {
    for (JsonNode rule : property.path("quality")) {
      JsonNode values = rule.path("arguments").get("validValues");
      if ("invalidValues".equals(rule.path("metric").asText())
          && values != null
          && values.isArray()) {
        Set<String> set = new LinkedHashSet<>();
        values.forEach(v -> set.add(v.asText()));
        return set;
      }
    }
    return null;
  }

  private static int compareValues(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return a.asText().compareTo(b.asText());
  }
}
