package io.meshwork.contracts.contract.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Objects and properties of the schema: removed and added ones, retyped values, and the flags
 * (required, unique, primary key) whose change breaks readers or writers.
 */
final class SchemaDiff {

  private final Changes changes;
  private final ConstraintDiff constraints;
  private final QualityDiff quality;

  SchemaDiff(Changes changes) {
    this.changes = changes;
    this.constraints = new ConstraintDiff(changes);
    this.quality = new QualityDiff(changes);
  }

  void objects(JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = Changes.byKey(before, "name");
    Map<String, JsonNode> neu = Changes.byKey(after, "name");
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String path = "schema." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        changes.add(
            Severity.BREAKING,
            "SCHEMA_REMOVED",
            path,
            entry.getKey(),
            null,
            "consumers of '" + entry.getKey() + "' lose it");
        continue;
      }
      properties(path, entry.getValue().path("properties"), replacement.path("properties"));
      quality.rules(path, entry.getValue().path("quality"), replacement.path("quality"));
    }
    for (String added : neu.keySet()) {
      if (!old.containsKey(added)) {
        changes.add(Severity.INFO, "SCHEMA_ADDED", "schema." + added, null, added, "new object");
      }
    }
  }

  private void properties(String parent, JsonNode before, JsonNode after) {
    Map<String, JsonNode> old = Changes.byKey(before, "name");
    Map<String, JsonNode> neu = Changes.byKey(after, "name");
    for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
      String path = parent + ".properties." + entry.getKey();
      JsonNode replacement = neu.get(entry.getKey());
      if (replacement == null) {
        changes.add(
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
        changes.add(
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
      changes.add(
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
      changes.add(
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
    constraints.options(path, before.path("logicalTypeOptions"), after.path("logicalTypeOptions"));
    constraints.allowedValues(path, before, after);
    quality.rules(path, before.path("quality"), after.path("quality"));
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
      changes.add(addedSeverity, addedKind, path + "." + field, "false", "true", addedWhy);
    } else if (was && !is) {
      changes.add(removedSeverity, removedKind, path + "." + field, "true", "false", removedWhy);
    }
  }
}
