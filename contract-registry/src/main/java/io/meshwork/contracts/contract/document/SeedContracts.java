package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.web.problem.Problem.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The seed's contract JSON ({@code {"schema": {field: {type, required, min, max, enum, pattern}},
 * "metadata": {owner, SLA}}}) to and from ODCS. Top-level {@code id}, {@code name}, {@code
 * version}, {@code domain} and {@code status} are accepted as extensions.
 */
public final class SeedContracts {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TOP_LEVEL =
      Set.of("schema", "metadata", "id", "name", "version", "domain", "status", "description");
  private static final Set<String> FIELD_KEYS =
      Set.of(
          "type",
          "required",
          "min",
          "max",
          "minLength",
          "maxLength",
          "pattern",
          "enum",
          "description",
          "unique",
          "primaryKey",
          "format");
  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "date", "timestamp", "time");
  private static final Pattern PERCENT_SLA =
      Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%\\s*([A-Za-z][A-Za-z ]*)?\\s*$");

  private SeedContracts() {}

  public static boolean looksLikeSeed(JsonNode document) {
    return document.isObject()
        && document.path("schema").isObject()
        && !document.has("apiVersion")
        && !document.has("kind");
  }

  public static List<Violation> validate(JsonNode document) {
    List<Violation> violations = new ArrayList<>();
    for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_LEVEL.contains(name)) {
        violations.add(new Violation(name, "is not a field of the seed contract format"));
      }
    }
    JsonNode schema = document.get("schema");
    if (schema == null || !schema.isObject() || schema.isEmpty()) {
      violations.add(new Violation("schema", "must be an object of fields"));
      return violations;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = "schema." + field.getKey();
      JsonNode spec = field.getValue();
      if (!spec.isObject()) {
        violations.add(new Violation(path, "must be an object like {\"type\": \"string\"}"));
        continue;
      }
      spec.fieldNames()
          .forEachRemaining(
              key -> {
                if (!FIELD_KEYS.contains(key)) {
                  violations.add(
                      new Violation(
                          path + "." + key,
                          "is not a field rule (" + FIELD_KEYS.stream().sorted().toList() + ")"));
                }
              });
      if (spec.has("type")
          && (!spec.get("type").isTextual() || !TYPES.contains(spec.get("type").asText()))) {
        violations.add(
            new Violation(path + ".type", "must be one of " + TYPES.stream().sorted().toList()));
      }
      if (!spec.has("type") && !spec.has("enum")) {
        violations.add(new Violation(path + ".type", "is required unless enum lists the values"));
      }
      for (String flag : List.of("required", "unique", "primaryKey")) {
        if (spec.has(flag) && !spec.get(flag).isBoolean()) {
          violations.add(new Violation(path + "." + flag, "must be true or false"));
        }
      }
      for (String bound : List.of("min", "max", "minLength", "maxLength")) {
        if (spec.has(bound) && !spec.get(bound).isNumber()) {
          violations.add(new Violation(path + "." + bound, "must be a number"));
        }
      }
      if (spec.has("enum") && (!spec.get("enum").isArray() || spec.get("enum").isEmpty())) {
        violations.add(new Violation(path + ".enum", "must be a non-empty list"));
      }
      if (spec.has("pattern")) {
        try {
          Pattern.compile(spec.get("pattern").asText());
        } catch (PatternSyntaxException e) {
          violations.add(
              new Violation(
                  path + ".pattern", "is not a valid regular expression: " + e.getDescription()));
        }
      }
    }
    JsonNode metadata = document.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      violations.add(new Violation("metadata", "must be an object with owner and SLA"));
    }
    return violations;
  }

  /** Converts a valid seed contract; {@code identity} supplies id, version, domain and status. */
  public static ObjectNode toOdcs(JsonNode seed, ContractIdentity identity) {
    ObjectNode odcs = NODES.objectNode();
    odcs.put("apiVersion", "v3.1.0");
    odcs.put("kind", "DataContract");
    odcs.put("id", identity.id());
    odcs.put("name", identity.name());
    odcs.put("version", identity.version());
    odcs.put("status", identity.status());
    odcs.put("domain", identity.domain());
    if (seed.has("description")) {
      odcs.putObject("description").put("purpose", seed.get("description").asText());
    }
    ObjectNode object = odcs.putArray("schema").addObject();
    object.put("name", identity.name());
    object.put("logicalType", "object");
    ArrayNode properties = object.putArray("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = seed.get("schema").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      properties.add(property(field.getKey(), field.getValue()));
    }
    JsonNode metadata = seed.path("metadata");
    if (metadata.hasNonNull("owner")) {
      ObjectNode member = odcs.putObject("team").putArray("members").addObject();
      member.put("username", metadata.get("owner").asText());
      member.put("role", "owner");
    }
    if (metadata.hasNonNull("SLA")) {
      String sla = metadata.get("SLA").asText();
      ArrayNode slas = odcs.putArray("slaProperties");
      Matcher percent = PERCENT_SLA.matcher(sla);
      if (percent.matches()) {
        ObjectNode entry = slas.addObject();
        entry.put("property", percent.group(2) == null ? "availability" : camel(percent.group(2)));
        entry.put("value", Double.parseDouble(percent.group(1)));
        entry.put("unit", "percent");
      }
      ObjectNode original = odcs.putArray("customProperties").addObject();
      original.put("property", "SLA");
      original.put("value", sla);
    }
    return odcs;
  }

  private static ObjectNode property(String name, JsonNode spec) {
    ObjectNode property = NODES.objectNode();
    property.put("name", name);
    String type = spec.has("type") ? spec.get("type").asText() : inferType(spec.get("enum"));
    property.put("logicalType", type);
    if (spec.has("description")) {
      property.put("description", spec.get("description").asText());
    }
    property.put("required", spec.path("required").asBoolean(false));
    if (spec.path("unique").asBoolean(false)) {
      property.put("unique", true);
    }
    if (spec.path("primaryKey").asBoolean(false)) {
      property.put("primaryKey", true);
    }
    ObjectNode options = NODES.objectNode();
    boolean numeric = type.equals("number") || type.equals("integer");
    if (spec.has("min")) {
      options.set(numeric ? "minimum" : "minLength", spec.get("min"));
    }
    if (spec.has("max")) {
      options.set(numeric ? "maximum" : "maxLength", spec.get("max"));
    }
    for (String key : List.of("minLength", "maxLength", "pattern", "format")) {
      if (spec.has(key)) {
        options.set(key, spec.get(key));
      }
    }
    if (!options.isEmpty()) {
      property.set("logicalTypeOptions", options);
    }
    if (spec.has("enum")) {
      ObjectNode rule = property.putArray("quality").addObject();
      rule.put("name", name + "_allowed_values");
      rule.put("metric", "invalidValues");
      rule.putObject("arguments").set("validValues", spec.get("enum"));
      rule.put("mustBe", 0);
    }
    return property;
  }

  /** The seed view of an ODCS contract (its first schema object). */
  public static ObjectNode fromOdcs(JsonNode odcs) {
    ObjectNode seed = NODES.objectNode();
    for (String key : List.of("id", "name", "version", "domain", "status")) {
      if (odcs.has(key)) {
        seed.set(key, odcs.get(key));
      }
    }
    ObjectNode schema = seed.putObject("schema");
    JsonNode object = odcs.path("schema").path(0);
    for (JsonNode property : object.path("properties")) {
      ObjectNode field = schema.putObject(property.path("name").asText());
      String type = property.path("logicalType").asText("string");
      field.put("type", type);
      if (property.path("required").asBoolean(false)) {
        field.put("required", true);
      }
      if (property.path("unique").asBoolean(false)) {
        field.put("unique", true);
      }
      if (property.path("primaryKey").asBoolean(false)) {
        field.put("primaryKey", true);
      }
      JsonNode options = property.path("logicalTypeOptions");
      boolean numeric = type.equals("number") || type.equals("integer");
      copy(options, numeric ? "minimum" : "minLength", field, "min");
      copy(options, numeric ? "maximum" : "maxLength", field, "max");
      copy(options, "pattern", field, "pattern");
      copy(options, "format", field, "format");
      for (JsonNode rule : property.path("quality")) {
        if ("invalidValues".equals(rule.path("metric").asText())
            && rule.path("arguments").has("validValues")) {
          field.set("enum", rule.path("arguments").get("validValues"));
        }
      }
    }
    ObjectNode metadata = seed.putObject("metadata");
    JsonNode members =
        odcs.path("team").isArray() ? odcs.path("team") : odcs.path("team").path("members");
    for (JsonNode member : members) {
      if ("owner".equalsIgnoreCase(member.path("role").asText())) {
        metadata.put("owner", member.path("username").asText());
      }
    }
    String sla = null;
    for (JsonNode custom : odcs.path("customProperties")) {
      if ("SLA".equals(custom.path("property").asText())) {
        sla = custom.path("value").asText();
      }
    }
    if (sla == null) {
      for (JsonNode entry : odcs.path("slaProperties")) {
        if ("percent".equals(entry.path("unit").asText())) {
          sla = entry.path("value").asText() + "% " + entry.path("property").asText();
        }
      }
    }
    if (sla != null) {
      metadata.put("SLA", sla);
    }
    return seed;
  }

  private static void copy(JsonNode from, String fromKey, ObjectNode to, String toKey) {
    if (from.has(fromKey)) {
      to.set(toKey, from.get(fromKey));
    }
  }

  private static String inferType(JsonNode values) {
    if (values != null && values.isArray() && values.size() > 0) {
      JsonNode first = values.get(0);
      if (first.isIntegralNumber()) {
        return "integer";
      }
      if (first.isNumber()) {
        return "number";
      }
      if (first.isBoolean()) {
        return "boolean";
      }
    }
    return "string";
  }

  private static String camel(String words) {
    String[] parts = words.trim().toLowerCase(Locale.ROOT).split("\\s+");
    StringBuilder camel = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return camel.toString();
  }
}
