package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every difference between two versions of a contract (canonical ODCS trees) that matters to its
 * consumers or producers, with a severity: removed or retyped fields, tightened constraints,
 * narrowed allowed values and weaker SLAs are breaking.
 */
public final class ContractDiff {

  private final List<ContractChange> changes = new ArrayList<>();

  private ContractDiff() {}

  public static List<ContractChange> compare(JsonNode before, JsonNode after) {
    ContractDiff diff = new ContractDiff();
    diff.objects(before.path("schema"), after.path("schema"));
    diff.slas(before.path("slaProperties"), after.path("slaProperties"));
    diff.metadata(before, after);
    return diff.changes;
  }

  // ------------------------------------------------------------------ schema

  private void objects(JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = byKey(before, "name");
    Map<String, JsonNode> neu = byKey(after, "name");
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String path = "schema." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        add(
            Severity.BREAKING,
            "SCHEMA_REMOVED",
            path,
            entry.getKey(),
            null,
            "consumers of '" + entry.getKey() + "' lose it");
        continue;
      }
      properties(path, entry.getValue().path("properties"), replacement.path("properties"));
      quality(path, entry.getValue().path("quality"), replacement.path("quality"));
    }
    for (String added : neu.keySet()) {
      if (!old.containsKey(added)) {
        add(Severity.INFO, "SCHEMA_ADDED", "schema." + added, null, added, "new object");
      }
    }
  }

  private void properties(String parent, JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = byKey(before, "name");
    Map<String, JsonNode> neu = byKey(after, "name");
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String path = parent + ".properties." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        add(
            Severity.BREAKING,
            "FIELD_REMOVED",
            path,
            entry.getKey(),
            null,
            "consumers reading '" + entry.getKey() + "' break");
        continue;
      }
      property(path, entry.getValue(), replacement);
    }
    for (Map.Entry<String, JsonNode> entry : neu.entrySet()) {
      if (!old.containsKey(entry.getKey())) {
        add(
            Severity.INFO,
            "FIELD_ADDED",
            parent + ".properties." + entry.getKey(),
            null,
            entry.getKey(),
            entry.getValue().path("required").asBoolean(false)
                ? "new required field: producers must fill it"
                : "new optional field");
      }
    }
  }

  private void property(String path, JsonNode before, JsonNode after) {
    String oldType = before.path("logicalType").asText("");
    String newType = after.path("logicalType").asText("");
    if (!oldType.equals(newType)) {
      add(
          Severity.BREAKING,
          "FIELD_RETYPED",
          path + ".logicalType",
          oldType,
          newType,
          "values change type from " + oldType + " to " + newType);
    }
    String oldPhysical = before.path("physicalType").asText("");
    String newPhysical = after.path("physicalType").asText("");
    if (!oldPhysical.equals(newPhysical) && !oldPhysical.isEmpty()) {
      add(
          Severity.WARNING,
          "PHYSICAL_TYPE_CHANGED",
          path + ".physicalType",
          oldPhysical,
          newPhysical,
          "storage type changes");
    }
    flag(
        path,
        before,
        after,
        "required",
        "REQUIRED_ADDED",
        Severity.BREAKING,
        "existing data with nulls violates the contract",
        "REQUIRED_REMOVED",
        Severity.WARNING,
        "consumers may now receive nulls");
    flag(
        path,
        before,
        after,
        "unique",
        "UNIQUE_ADDED",
        Severity.BREAKING,
        "existing duplicates violate the contract",
        "UNIQUE_REMOVED",
        Severity.WARNING,
        "consumers may now receive duplicates");
    flag(
        path,
        before,
        after,
        "primaryKey",
        "PRIMARY_KEY_ADDED",
        Severity.WARNING,
        "the key changes",
        "PRIMARY_KEY_REMOVED",
        Severity.WARNING,
        "the key changes");
    options(path, before.path("logicalTypeOptions"), after.path("logicalTypeOptions"));
    allowedValues(path, before, after);
    quality(path, before.path("quality"), after.path("quality"));
    if (before.has("properties") || after.has("properties")) {
      properties(path, before.path("properties"), after.path("properties"));
    }
    if (before.has("items") || after.has("items")) {
      property(path + ".items", before.path("items"), after.path("items"));
    }
  }

  private void flag(
      String path,
      JsonNode before,
      JsonNode after,
      String field,
      String addedKind,
      Severity addedSeverity,
      String addedWhy,
      String removedKind,
      Severity removedSeverity,
      String removedWhy) {
    boolean was = before.path(field).asBoolean(false);
    boolean is = after.path(field).asBoolean(false);
    if (!was && is) {
      add(addedSeverity, addedKind, path + "." + field, "false", "true", addedWhy);
    } else if (was && !is) {
      add(removedSeverity, removedKind, path + "." + field, "true", "false", removedWhy);
    }
  }

  private void options(String path, JsonNode before, JsonNode after) {
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
      add(
          Severity.BREAKING,
          "CONSTRAINT_TIGHTENED",
          path + "." + key,
          text(old),
          text(neu),
          key + " raised: values allowed before are refused now");
    } else {
      add(
          Severity.INFO,
          "CONSTRAINT_LOOSENED",
          path + "." + key,
          text(old),
          text(neu),
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
      add(
          Severity.BREAKING,
          "CONSTRAINT_TIGHTENED",
          path + "." + key,
          text(old),
          text(neu),
          key + " lowered: values allowed before are refused now");
    } else {
      add(
          Severity.INFO,
          "CONSTRAINT_LOOSENED",
          path + "." + key,
          text(old),
          text(neu),
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
      add(Severity.INFO, "CONSTRAINT_LOOSENED", path + "." + key, old, null, key + " removed");
    } else {
      add(severity, "CONSTRAINT_TIGHTENED", path + "." + key, old, neu, why);
    }
  }

  /** Allowed values live in invalidValues rules (ODCS 3.1 has no enum on properties). */
  private void allowedValues(String path, JsonNode before, JsonNode after) {
    Set<String> old = validValues(before);
    Set<String> neu = validValues(after);
    if (old == null && neu == null) {
      return;
    }
    if (old == null) {
      add(
          Severity.BREAKING,
          "ENUM_ADDED",
          path + ".validValues",
          null,
          String.valueOf(neu),
          "values are now limited to " + neu);
      return;
    }
    if (neu == null) {
      add(
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
      add(
          Severity.BREAKING,
          "ENUM_NARROWED",
          path + ".validValues",
          String.valueOf(old),
          String.valueOf(neu),
          "values " + dropped + " are no longer allowed");
    }
    if (!added.isEmpty()) {
      add(
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

  private void quality(String path, JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = qualityByKey(before);
    Map<String, JsonNode> neu = qualityByKey(after);
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String at = path + ".quality." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        add(
            Severity.WARNING,
            "QUALITY_RULE_REMOVED",
            at,
            entry.getKey(),
            null,
            "consumers lose this guarantee");
        continue;
      }
      threshold(at, entry.getValue(), replacement);
    }
    for (String added : neu.keySet()) {
      if (!old.containsKey(added)) {
        add(
            Severity.WARNING,
            "QUALITY_RULE_ADDED",
            path + ".quality." + added,
            null,
            added,
            "data must now pass this rule");
      }
    }
  }

  private void threshold(String path, JsonNode before, JsonNode after) {
    for (String operator : List.of("mustBeLessThan", "mustBeLessOrEqualTo")) {
      bound(path, before, after, operator, -1);
    }
    for (String operator : List.of("mustBeGreaterThan", "mustBeGreaterOrEqualTo")) {
      bound(path, before, after, operator, 1);
    }
    for (String operator : List.of("mustBe", "mustNotBe", "mustBeBetween", "mustNotBeBetween")) {
      if (!Objects.equals(before.get(operator), after.get(operator))) {
        add(
            Severity.WARNING,
            "QUALITY_THRESHOLD_CHANGED",
            path + "." + operator,
            text(before.get(operator)),
            text(after.get(operator)),
            "the rule's threshold changes");
      }
    }
  }

  /** {@code direction} -1: a smaller limit is tighter; 1: a larger limit is tighter. */
  private void bound(String path, JsonNode before, JsonNode after, String operator, int direction) {
    JsonNode old = before.get(operator);
    JsonNode neu = after.get(operator);
    if (Objects.equals(old, neu)
        || old == null
        || neu == null
        || !old.isNumber()
        || !neu.isNumber()) {
      if (!Objects.equals(old, neu)) {
        add(
            Severity.WARNING,
            "QUALITY_THRESHOLD_CHANGED",
            path + "." + operator,
            text(old),
            text(neu),
            "the rule's operator changes");
      }
      return;
    }
    boolean tighter =
        Integer.signum(Double.compare(neu.doubleValue(), old.doubleValue())) == direction;
    add(
        tighter ? Severity.BREAKING : Severity.INFO,
        tighter ? "QUALITY_THRESHOLD_TIGHTENED" : "QUALITY_THRESHOLD_LOOSENED",
        path + "." + operator,
        text(old),
        text(neu),
        tighter ? "data that passed before may fail now" : "the rule accepts more");
  }

  private static Map<String, JsonNode> qualityByKey(JsonNode rules) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      String key =
          rule.hasNonNull("name")
              ? rule.get("name").asText()
              : rule.path("metric").asText("rule") + "#" + i;
      result.put(key, rule);
    }
    return result;
  }

  // ------------------------------------------------------------------ SLA

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

  private void slas(JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = byKey(before, "property");
    Map<String, JsonNode> neu = byKey(after, "property");
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String path = "slaProperties." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        add(
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
          add(
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
      add(
          weaker ? Severity.BREAKING : (comparable ? Severity.INFO : Severity.WARNING),
          weaker ? "SLA_WEAKENED" : (comparable ? "SLA_STRENGTHENED" : "SLA_CHANGED"),
          path,
          describe(entry.getValue()),
          describe(replacement),
          weaker ? "consumers are promised less" : "the promise changes");
    }
    for (String added : neu.keySet()) {
      if (!old.containsKey(added)) {
        add(
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

  // ------------------------------------------------------------------ metadata

  private void metadata(JsonNode before, JsonNode after) {
    for (String field : List.of("description", "team", "roles", "tags", "name")) {
      if (!Objects.equals(before.get(field), after.get(field))) {
        add(Severity.INFO, "METADATA_CHANGED", field, null, null, field + " changed");
      }
    }
    Map<String, JsonNode> oldServers = byKey(before.path("servers"), "server");
    Map<String, JsonNode> newServers = byKey(after.path("servers"), "server");
    for (String server : oldServers.keySet()) {
      if (!newServers.containsKey(server)) {
        add(
            Severity.WARNING,
            "SERVER_REMOVED",
            "servers." + server,
            server,
            null,
            "consumers reading from " + server + " lose it");
      } else if (!oldServers.get(server).equals(newServers.get(server))) {
        add(
            Severity.WARNING,
            "SERVER_CHANGED",
            "servers." + server,
            null,
            null,
            "where the data lives changes");
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, JsonNode> byKey(JsonNode list, String key) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        result.put(item.path(key).asText(), item);
      }
    }
    return result;
  }

  private static int compareValues(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    return a.asText().compareTo(b.asText());
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.isTextual() ? node.asText() : node.toString();
  }

  private void add(
      Severity severity, String kind, String path, String before, String after, String message) {
    changes.add(new ContractChange(severity, kind, path, before, after, message));
  }
}
