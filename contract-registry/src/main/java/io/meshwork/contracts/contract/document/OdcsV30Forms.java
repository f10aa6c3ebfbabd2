package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ODCS v3.0 forms the registry still reads although the published v3.1 schema refuses them:
 * {@code team} as a plain list of members, and library quality rules named by {@code rule} (v3.0)
 * instead of {@code metric}. The schema checks a copy in v3.1 form; violations are then reported at
 * the caller's own paths.
 */
public final class OdcsV30Forms {

  private static final Map<String, String> METRIC_OF_RULE =
      Map.of(
          "nullCheck", "nullValues",
          "notNull", "nullValues",
          "uniqueCheck", "duplicateValues",
          "duplicateCount", "duplicateValues",
          "validValues", "invalidValues",
          "rowCount", "rowCount");

  private OdcsV30Forms() {}

  /** The v3.1 metric of a v3.0 rule name, if it has one. */
  public static Optional<String> metricOf(String rule) {
    return Optional.ofNullable(METRIC_OF_RULE.get(rule));
  }

  /** A document in v3.1 form, and where its changed fields were in the caller's document. */
  record Upgraded(JsonNode document, Map<String, String> originalFields, boolean teamWasList) {

    /** The caller's path of {@code field}, a path into the upgraded copy. */
    String original(String field) {
      String renamed = originalFields.get(field);
      if (renamed != null) {
        return renamed;
      }
      if (teamWasList && (field.equals("team.members") || field.startsWith("team.members["))) {
        return "team" + field.substring("team.members".length());
      }
      return field;
    }
  }

  static Upgraded upgrade(ObjectNode document) {
    boolean teamList = document.path("team").isArray();
    ObjectNode copy = document.deepCopy();
    if (teamList) {
      copy.putObject("team").set("members", document.get("team"));
    }
    Map<String, String> renamed = new HashMap<>();
    JsonNode objects = copy.path("schema");
    for (int i = 0; i < objects.size(); i++) {
      element(objects.get(i), Paths.index("schema", i), renamed);
    }
    return new Upgraded(copy, Map.copyOf(renamed), teamList);
  }

  /** A schema object or property: its rules, then its nested properties and items. */
  private static void element(JsonNode node, String path, Map<String, String> renamed) {
    JsonNode rules = node.path("quality");
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) instanceof ObjectNode rule
          && rule.path("rule").isTextual()
          && !rule.has("metric")) {
        String name = rule.get("rule").asText();
        rule.put("metric", metricOf(name).orElse(name));
        String at = Paths.index(Paths.field(path, "quality"), i);
        renamed.put(Paths.field(at, "metric"), Paths.field(at, "rule"));
      }
    }
    JsonNode properties = node.path("properties");
    for (int i = 0; i < properties.size(); i++) {
      element(properties.get(i), Paths.index(Paths.field(path, "properties"), i), renamed);
    }
    if (node.path("items").isObject()) {
      element(node.get("items"), Paths.field(path, "items"), renamed);
    }
  }
}
