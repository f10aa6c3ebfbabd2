package io.meshwork.catalog.product.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.web.problem.Problem.Violation;
import io.meshwork.web.values.DurationText;
import io.meshwork.web.values.Percent;
import io.meshwork.web.values.SemanticVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything wrong with a data product document, at once: each violation's field is a path into the
 * document as written ({@code schema[1].constraints.min}).
 */
public final class SpecValidator {

  public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
  public static final Pattern DOMAIN = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");
  private static final Pattern COLUMN = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern TEAM = Pattern.compile("^[a-z][a-z0-9_-]{1,62}$");
  private static final Pattern REGION = Pattern.compile("^[A-Z]{2}[A-Z0-9-]{0,30}$");
  private static final Pattern TAG = Pattern.compile("^[a-z0-9][a-z0-9_.:-]{0,62}$");
  private static final Pattern PORT =
      Pattern.compile("^[a-z][a-z0-9_-]{0,62}/[a-z][a-z0-9_]{0,62}$");
  static final List<String> CLASSIFICATIONS =
      List.of("public", "internal", "confidential", "restricted");

  private static final Set<String> TOP =
      Set.of("product", "schema", "service", "lineage", "outputPorts");
  private static final Set<String> PRODUCT =
      Set.of(
          "name",
          "domain",
          "owner",
          "version",
          "description",
          "tags",
          "classification",
          "regions",
          "retention",
          "maxAccess");
  private static final Set<String> FIELD =
      Set.of("name", "type", "description", "constraints", "tags");
  private static final Set<String> SERVICE = Set.of("freshness", "availability", "latency");
  private static final Set<String> LINEAGE = Set.of("sources", "transformations");

  private final List<Violation> violations = new ArrayList<>();

  private SpecValidator() {}

  /** The violations of {@code document}, a product named {@code name} in the request's path. */
  public static List<Violation> validate(JsonNode document, String name) {
    SpecValidator validator = new SpecValidator();
    validator.document(document, name);
    return List.copyOf(validator.violations);
  }

  private void document(JsonNode document, String name) {
    if (document == null || !document.isObject()) {
      add("", "the document must be a mapping with product, schema, service and lineage");
      return;
    }
    keys(document, TOP, "");
    product(document.get("product"), name);
    schema(document.get("schema"));
    service(document.get("service"));
    lineage(document.get("lineage"));
    JsonNode ports = document.get("outputPorts");
    if (ports != null) {
      strings(ports, "outputPorts", PORT, "a provisioned dataset as <domain>/<name>");
    }
  }

  private void product(JsonNode product, String name) {
    if (!object(product, "product", true)) {
      return;
    }
    keys(product, PRODUCT, "product.");
    String productName = text(product, "name", "product.name", true);
    if (productName != null) {
      if (!NAME.matcher(productName).matches()) {
        add("product.name", "must be lower case letters, digits and _, starting with a letter");
      } else if (name != null && !productName.equals(name)) {
        add("product.name", "is '" + productName + "' but the request is for '" + name + "'");
      }
    }
    matching(product, "domain", "product.domain", DOMAIN, "a domain name (lower case, a-z0-9_-)");
    String owner = text(product, "owner", "product.owner", true);
    if (owner != null && !EMAIL.matcher(owner).matches() && !TEAM.matcher(owner).matches()) {
      add(
          "product.owner",
          "must be an e-mail address or a team id like crm-team, got '" + owner + "'");
    }
    String version = text(product, "version", "product.version", true);
    if (version != null && SemanticVersion.tryParse(version).isEmpty()) {
      add("product.version", "must be a semantic version MAJOR.MINOR.PATCH, got '" + version + "'");
    }
    text(product, "description", "product.description", false);
    if (product.has("tags")) {
      strings(product.get("tags"), "product.tags", TAG, "a lower-case tag");
    }
    String classification = text(product, "classification", "product.classification", false);
    if (classification != null && !CLASSIFICATIONS.contains(classification)) {
      add("product.classification", "must be one of " + CLASSIFICATIONS);
    }
    if (product.has("regions")) {
      strings(product.get("regions"), "product.regions", REGION, "a region code like EU, UK or US");
    }
    String retention = text(product, "retention", "product.retention", false);
    if (retention != null && DurationText.tryParse(retention).isEmpty()) {
      add("product.retention", "must be a period like P1Y, P90D or 30d, got '" + retention + "'");
    }
    String maxAccess = text(product, "maxAccess", "product.maxAccess", false);
    if (maxAccess != null && DurationText.tryParse(maxAccess).isEmpty()) {
      add("product.maxAccess", "must be a period like P90D or 30d, got '" + maxAccess + "'");
    }
  }

  private void schema(JsonNode schema) {
    if (schema == null) {
      add("schema", "is required: the product's fields");
      return;
    }
    if (!schema.isArray() || schema.isEmpty()) {
      add("schema", "must be a list of at least one field");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < schema.size(); i++) {
      field(schema.get(i), "schema[" + i + "]", names);
    }
  }

  private void field(JsonNode field, String path, Set<String> names) {
    if (!object(field, path, true)) {
      return;
    }
    keys(field, FIELD, path + ".");
    String name = text(field, "name", path + ".name", true);
    if (name != null) {
      if (!COLUMN.matcher(name).matches()) {
        add(path + ".name", "must be lower case letters, digits and _");
      } else if (!names.add(name)) {
        add(path + ".name", "'" + name + "' is already a field of this schema");
      }
    }
    String type = text(field, "type", path + ".type", true);
    String canonical = type == null ? null : FieldTypes.canonical(type).orElse(null);
    if (type != null && canonical == null) {
      add(path + ".type", "'" + type + "' is not a type; use one of " + FieldTypes.NAMES);
    }
    text(field, "description", path + ".description", false);
    if (field.has("tags")) {
      strings(field.get("tags"), path + ".tags", TAG, "a lower-case tag");
    }
    JsonNode constraints = field.get("constraints");
    if (constraints != null && object(constraints, path + ".constraints", false)) {
      new ConstraintChecks(this, constraints, path + ".constraints", canonical).check();
    }
  }

  private void service(JsonNode service) {
    if (service == null || !object(service, "service", false)) {
      return;
    }
    keys(service, SERVICE, "service.");
    for (String key : List.of("freshness", "latency")) {
      String value = text(service, key, "service." + key, false);
      if (value != null && DurationText.tryParse(value).isEmpty()) {
        add("service." + key, "must be a duration like 24h, 30m, 7d or PT1H, got '" + value + "'");
      }
    }
    String availability = scalarText(service.get("availability"));
    if (service.has("availability") && Percent.tryParse(availability).isEmpty()) {
      add("service.availability", "must be a percentage like 99.95%, got '" + availability + "'");
    }
  }

  private void lineage(JsonNode lineage) {
    if (lineage == null || !object(lineage, "lineage", false)) {
      return;
    }
    keys(lineage, LINEAGE, "lineage.");
    for (String key : List.of("sources", "transformations")) {
      if (lineage.has(key)) {
        strings(lineage.get(key), "lineage." + key, null, null);
      }
    }
  }

  // ---------------------------------------------------------------- checks used by the parts

  void add(String field, String message) {
    violations.add(new Violation(field, message));
  }

  boolean object(JsonNode node, String path, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        add(path, "is required");
      }
      return false;
    }
    if (!node.isObject()) {
      add(path, "must be a mapping");
      return false;
    }
    return true;
  }

  void keys(JsonNode node, Set<String> allowed, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!allowed.contains(key)) {
        add(prefix + key, "is not a known key; allowed: " + allowed.stream().sorted().toList());
      }
    }
  }

  String text(JsonNode node, String key, String path, boolean required) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        add(path, "is required");
      }
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      add(path, "must be text");
      return null;
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      add(path, "must not be empty");
      return null;
    }
    return text;
  }

  private void matching(JsonNode node, String key, String path, Pattern pattern, String what) {
    String value = text(node, key, path, true);
    if (value != null && !pattern.matcher(value).matches()) {
      add(path, "must be " + what + ", got '" + value + "'");
    }
  }

  private void strings(JsonNode list, String path, Pattern pattern, String what) {
    if (!list.isArray()) {
      add(path, "must be a list");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String at = path + "[" + i + "]";
      if (!item.isTextual() || item.asText().isBlank()) {
        add(at, "must be non-empty text");
      } else if (pattern != null && !pattern.matcher(item.asText()).matches()) {
        add(at, "must be " + what + ", got '" + item.asText() + "'");
      }
    }
  }

  static String scalarText(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }
}
