package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.web.problem.Problem.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks an ODCS v3.1 document (v3.0.x accepted) and reports every violation with its document
 * path. Covers the standard's structure and the rules the registry relies on: lifecycle status,
 * semantic version, logical types and their options, quality rules with exactly one operator,
 * server fields.
 */
public final class OdcsValidator {

  public static final Set<String> API_VERSIONS = Set.of("v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0");
  public static final Set<String> STATUSES =
      Set.of("draft", "proposed", "active", "deprecated", "retired");
  public static final Set<String> LOGICAL_TYPES =
      Set.of(
          "string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean");
  public static final Set<String> METRICS =
      Set.of("nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount");
  public static final Set<String> OPERATORS =
      Set.of(
          "mustBe",
          "mustNotBe",
          "mustBeGreaterThan",
          "mustBeGreaterOrEqualTo",
          "mustBeLessThan",
          "mustBeLessOrEqualTo",
          "mustBeBetween",
          "mustNotBeBetween");
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "apiVersion",
          "kind",
          "id",
          "name",
          "version",
          "status",
          "tenant",
          "domain",
          "dataProduct",
          "description",
          "tags",
          "schema",
          "servers",
          "support",
          "price",
          "team",
          "roles",
          "slaDefaultElement",
          "slaProperties",
          "authoritativeDefinitions",
          "customProperties",
          "contractCreatedTs");
  private static final Set<String> QUALITY_TYPES = Set.of("text", "library", "sql", "custom");
  private static final Set<String> DIMENSIONS =
      Set.of(
          "accuracy",
          "completeness",
          "conformity",
          "consistency",
          "coverage",
          "timeliness",
          "uniqueness");
  private static final Map<String, Set<String>> OPTIONS_BY_TYPE =
      Map.of(
          "string", Set.of("minLength", "maxLength", "pattern", "format"),
          "date", Set.of("format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
          "timestamp",
              Set.of(
                  "format",
                  "minimum",
                  "maximum",
                  "exclusiveMinimum",
                  "exclusiveMaximum",
                  "timezone",
                  "defaultTimezone"),
          "time",
              Set.of(
                  "format",
                  "minimum",
                  "maximum",
                  "exclusiveMinimum",
                  "exclusiveMaximum",
                  "timezone",
                  "defaultTimezone"),
          "integer",
              Set.of(
                  "minimum",
                  "maximum",
                  "exclusiveMinimum",
                  "exclusiveMaximum",
                  "multipleOf",
                  "format"),
          "number",
              Set.of(
                  "minimum",
                  "maximum",
                  "exclusiveMinimum",
                  "exclusiveMaximum",
                  "multipleOf",
                  "format"),
          "object", Set.of("minProperties", "maxProperties", "required"),
          "array", Set.of("minItems", "maxItems", "uniqueItems"));
  static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");
  static final Pattern CONTRACT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$");
  static final Pattern DOMAIN = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");

  private final List<Violation> violations = new ArrayList<>();

  private OdcsValidator() {}

  public static List<Violation> validate(JsonNode document) {
    OdcsValidator validator = new OdcsValidator();
    validator.root(document);
    return validator.violations;
  }

  private void root(JsonNode doc) {
    if (!doc.isObject()) {
      add("$", "a data contract is an object");
      return;
    }
    for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_LEVEL.contains(name)) {
        add(name, "is not an ODCS v3.1 field");
      }
    }
    requiredText(doc, "", "apiVersion").ifPresent(v -> oneOf("apiVersion", v, API_VERSIONS));
    requiredText(doc, "", "kind")
        .filter(v -> !v.equals("DataContract"))
        .ifPresent(v -> add("kind", "must be DataContract"));
    requiredText(doc, "", "id")
        .filter(v -> !CONTRACT_ID.matcher(v).matches())
        .ifPresent(
            v -> add("id", "must be 1-200 characters of letters, digits, '.', '_', ':' or '-'"));
    requiredText(doc, "", "version")
        .filter(v -> !SEMVER.matcher(v).matches())
        .ifPresent(v -> add("version", "must be a semantic version like 1.2.0"));
    requiredText(doc, "", "status").ifPresent(v -> oneOf("status", v, STATUSES));
    optionalText(doc, "", "domain")
        .filter(v -> !DOMAIN.matcher(v).matches())
        .ifPresent(v -> add("domain", "must be lower-case letters, digits, '_' or '-'"));
    optionalText(doc, "", "name");
    if (doc.has("description") && !doc.get("description").isObject()) {
      add("description", "must be an object with purpose, limitations, usage");
    }
    array(doc, "", "schema", this::schemaObject);
    array(doc, "", "slaProperties", this::slaProperty);
    array(doc, "", "roles", this::role);
    array(doc, "", "servers", this::server);
    array(doc, "", "tags", (node, path) -> text(node, path));
    team(doc.get("team"));
  }

  private void schemaObject(JsonNode node, String path) {
    if (!object(node, path)) {
      return;
    }
    requiredText(node, path, "name");
    optionalText(node, path, "logicalType")
        .filter(v -> !v.equals("object"))
        .ifPresent(
            v -> add(Paths.field(path, "logicalType"), "must be object for a schema element"));
    array(node, path, "properties", this::property);
    array(node, path, "quality", this::qualityRule);
  }

  private void property(JsonNode node, String path) {
    if (!object(node, path)) {
      return;
    }
    requiredText(node, path, "name");
    String type = optionalText(node, path, "logicalType").orElse(null);
    if (type != null) {
      oneOf(Paths.field(path, "logicalType"), type, LOGICAL_TYPES);
    }
    for (String flag :
        List.of("required", "unique", "primaryKey", "partitioned", "criticalDataElement")) {
      if (node.has(flag) && !node.get(flag).isBoolean()) {
        add(Paths.field(path, flag), "must be true or false");
      }
    }
    for (String position : List.of("primaryKeyPosition", "partitionKeyPosition")) {
      if (node.has(position) && !node.get(position).isIntegralNumber()) {
        add(Paths.field(path, position), "must be an integer");
      }
    }
    if (node.has("enum")) {
      add(
          Paths.field(path, "enum"),
          "ODCS v3.1 has no enum on properties: use a quality rule {metric: invalidValues,"
              + " arguments: {validValues: [...]}, mustBe: 0}");
    }
    logicalTypeOptions(
        node.get("logicalTypeOptions"), Paths.field(path, "logicalTypeOptions"), type);
    if (node.has("properties")) {
      if (!"object".equals(type)) {
        add(Paths.field(path, "properties"), "nested properties need logicalType object");
      }
      array(node, path, "properties", this::property);
    }
    if (node.has("items")) {
      if (!"array".equals(type)) {
        add(Paths.field(path, "items"), "items need logicalType array");
      } else {
        property(node.get("items"), Paths.field(path, "items"));
      }
    }
    array(node, path, "quality", this::qualityRule);
  }

  private void logicalTypeOptions(JsonNode options, String path, String type) {
    if (options == null) {
      return;
    }
    if (!object(options, path)) {
      return;
    }
    Set<String> allowed = type == null ? null : OPTIONS_BY_TYPE.get(type);
    for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> option = it.next();
      String at = Paths.field(path, option.getKey());
      if (allowed != null && !allowed.contains(option.getKey())) {
        add(at, "is not an option of logicalType " + type + " (allowed: " + sorted(allowed) + ")");
        continue;
      }
      switch (option.getKey()) {
        case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" -> {
          if (!option.getValue().isIntegralNumber() || option.getValue().asLong() < 0) {
            add(at, "must be a non-negative integer");
          }
        }
        case "pattern" -> {
          if (!option.getValue().isTextual()) {
            add(at, "must be a regular expression string");
          } else {
            try {
              Pattern.compile(option.getValue().asText());
            } catch (PatternSyntaxException e) {
              add(at, "is not a valid regular expression: " + e.getDescription());
            }
          }
        }
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> {
          boolean temporal = "date".equals(type) || "timestamp".equals(type) || "time".equals(type);
          if (temporal ? !option.getValue().isTextual() : !option.getValue().isNumber()) {
            add(at, temporal ? "must be a date/time string" : "must be a number");
          }
        }
        default -> {
          // format, timezone, ...: free-form in the standard
        }
      }
    }
    JsonNode min = options.get("minimum");
    JsonNode max = options.get("maximum");
    if (min != null
        && max != null
        && min.isNumber()
        && max.isNumber()
        && min.doubleValue() > max.doubleValue()) {
      add(Paths.field(path, "minimum"), "is greater than maximum");
    }
  }

  private void qualityRule(JsonNode node, String path) {
    if (!object(node, path)) {
      return;
    }
    String type = optionalText(node, path, "type").orElse(null);
    if (type != null) {
      oneOf(Paths.field(path, "type"), type, QUALITY_TYPES);
    }
    optionalText(node, path, "dimension")
        .ifPresent(v -> oneOf(Paths.field(path, "dimension"), v, DIMENSIONS));
    boolean library =
        "library".equals(type) || (type == null && (node.has("metric") || node.has("rule")));
    if (library) {
      if (node.has("metric")) {
        optionalText(node, path, "metric")
            .ifPresent(v -> oneOf(Paths.field(path, "metric"), v, METRICS));
      } else if (!node.has("rule")) {
        add(
            Paths.field(path, "metric"),
            "is required for a library rule (" + sorted(METRICS) + ")");
      }
    }
    if ("sql".equals(type) && !node.path("query").isTextual()) {
      add(Paths.field(path, "query"), "is required for a sql rule");
    }
    if ("custom".equals(type)) {
      if (!node.has("engine")) {
        add(Paths.field(path, "engine"), "is required for a custom rule");
      }
      if (!node.has("implementation")) {
        add(Paths.field(path, "implementation"), "is required for a custom rule");
      }
    }
    if (library || "sql".equals(type)) {
      List<String> operators = new ArrayList<>();
      node.fieldNames()
          .forEachRemaining(
              name -> {
                if (OPERATORS.contains(name)) {
                  operators.add(name);
                }
              });
      if (operators.size() != 1) {
        add(path, "needs exactly one operator of " + sorted(OPERATORS) + ", found " + operators);
      }
      for (String between : List.of("mustBeBetween", "mustNotBeBetween")) {
        JsonNode range = node.get(between);
        if (range != null
            && (!range.isArray()
                || range.size() != 2
                || !range.get(0).isNumber()
                || !range.get(1).isNumber()
                || range.get(0).doubleValue() >= range.get(1).doubleValue())) {
          add(Paths.field(path, between), "must be two different numbers, smallest first");
        }
      }
    }
    JsonNode arguments = node.get("arguments");
    if (arguments != null) {
      if (!object(arguments, Paths.field(path, "arguments"))) {
        return;
      }
      for (String list : List.of("validValues", "missingValues", "properties")) {
        if (arguments.has(list) && !arguments.get(list).isArray()) {
          add(Paths.field(Paths.field(path, "arguments"), list), "must be a list");
        }
      }
    }
  }

  private void slaProperty(JsonNode node, String path) {
    if (!object(node, path)) {
      return;
    }
    requiredText(node, path, "property");
    if (!node.has("value")) {
      add(Paths.field(path, "value"), "is required");
    } else if (node.get("value").isContainerNode()) {
      add(Paths.field(path, "value"), "must be a string, number or boolean");
    }
  }

  private void role(JsonNode node, String path) {
    if (object(node, path)) {
      requiredText(node, path, "role");
    }
  }

  private void server(JsonNode node, String path) {
    if (!object(node, path)) {
      return;
    }
    requiredText(node, path, "server");
    String type = requiredText(node, path, "type").orElse("");
    if (type.equals("postgres") || type.equals("postgresql")) {
      requiredText(node, path, "host");
      requiredText(node, path, "database");
      requiredText(node, path, "schema");
      if (!node.path("port").isIntegralNumber()) {
        add(Paths.field(path, "port"), "is required and must be an integer");
      }
    } else if (type.equals("kafka")) {
      requiredText(node, path, "host");
    } else if (type.equals("s3")) {
      requiredText(node, path, "location");
    }
  }

  private void team(JsonNode team) {
    if (team == null) {
      return;
    }
    if (team.isArray()) {
      for (int i = 0; i < team.size(); i++) {
        member(team.get(i), Paths.index("team", i));
      }
    } else if (team.isObject()) {
      array(team, "team", "members", this::member);
    } else {
      add("team", "must be an object with members, or (deprecated) a list of members");
    }
  }

  private void member(JsonNode node, String path) {
    if (object(node, path)) {
      requiredText(node, path, "username");
    }
  }

  // ------------------------------------------------------------------ helpers

  private interface Check {
    void apply(JsonNode node, String path);
  }

  private void array(JsonNode parent, String parentPath, String field, Check each) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return;
    }
    String path = Paths.field(parentPath, field);
    if (!node.isArray()) {
      add(path, "must be a list");
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      each.apply(node.get(i), Paths.index(path, i));
    }
  }

  private boolean object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      add(path, "must be an object");
      return false;
    }
    return true;
  }

  private void text(JsonNode node, String path) {
    if (!node.isTextual()) {
      add(path, "must be a string");
    }
  }

  private Optional<String> requiredText(JsonNode node, String parentPath, String field) {
    JsonNode value = node.get(field);
    String path = Paths.field(parentPath, field);
    if (value == null || value.isNull()) {
      add(path, "is required");
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      add(path, "must be a non-empty string");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  private Optional<String> optionalText(JsonNode node, String parentPath, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      add(Paths.field(parentPath, field), "must be a string");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  private void oneOf(String path, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      add(path, "must be one of " + sorted(allowed) + ", was '" + value + "'");
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private void add(String path, String message) {
    violations.add(new Violation(path, message));
  }
}
