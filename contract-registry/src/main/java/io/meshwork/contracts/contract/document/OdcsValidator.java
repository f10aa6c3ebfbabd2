package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.web.problem.Problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks an ODCS v3.1 document (v3.0.x accepted) and reports every violation with its document
 * path: first against the published ODCS JSON Schema, then the rules the schema cannot say and the
 * registry relies on: lifecycle status, semantic version, identifiers it puts in URLs and SQL, and
 * values that must agree with each other (bounds, ranges, patterns).
 */
@ApplicationScoped
public class OdcsValidator {

  /** The registry reads v3 documents; the schema also lists v2.2.x. */
  public static final Set<String> API_VERSIONS = Set.of("v3.1.0", "v3.0.2", "v3.0.1", "v3.0.0");

  /** The lifecycle of a contract version; the standard only gives examples. */
  public static final Set<String> STATUSES =
      Set.of("draft", "proposed", "active", "deprecated", "retired");

  static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");
  static final Pattern CONTRACT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$");
  static final Pattern DOMAIN = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private final OdcsSchema schema;

  public OdcsValidator(OdcsSchema schema) {
    this.schema = schema;
  }

  /** Every violation, in document order; empty when the document is valid. */
  public List<Violation> validate(ObjectNode document) {
    OdcsV30Forms.Upgraded upgraded = OdcsV30Forms.upgrade(document);
    List<Violation> violations = new ArrayList<>();
    for (Violation violation : schema.violations(upgraded.document())) {
      violations.add(new Violation(upgraded.original(violation.field()), violation.message()));
    }
    // Where the schema already refused a field, the registry's own rule has nothing to add.
    Set<String> refused = violations.stream().map(Violation::field).collect(Collectors.toSet());
    for (Violation own : new RegistryRules().check(document)) {
      if (!refused.contains(own.field())) {
        violations.add(own);
      }
    }
    violations.sort(Comparator.comparing(v -> documentOrder(v.field())));
    return violations;
  }

  /** {@code schema[2]} sorts before {@code schema[10]}. */
  private static String documentOrder(String field) {
    Matcher index = INDEX.matcher(field);
    StringBuilder key = new StringBuilder();
    while (index.find()) {
      index.appendReplacement(
          key, "[" + "0".repeat(Math.max(0, 9 - index.group(1).length())) + "$1]");
    }
    return index.appendTail(key).toString();
  }

  /** The registry's rules, walked over the caller's document. */
  private static final class RegistryRules {

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> check(JsonNode doc) {
      text(doc, "apiVersion")
          .filter(v -> !API_VERSIONS.contains(v))
          .ifPresent(
              v ->
                  add(
                      "apiVersion",
                      "must be one of " + sorted(API_VERSIONS) + ", was '" + v + "'"));
      text(doc, "id")
          .filter(v -> !CONTRACT_ID.matcher(v).matches())
          .ifPresent(
              v -> add("id", "must be 1-200 characters of letters, digits, '.', '_', ':' or '-'"));
      text(doc, "version")
          .filter(v -> !SEMVER.matcher(v).matches())
          .ifPresent(v -> add("version", "must be a semantic version like 1.2.0"));
      text(doc, "status")
          .filter(v -> !STATUSES.contains(v))
          .ifPresent(
              v -> add("status", "must be one of " + sorted(STATUSES) + ", was '" + v + "'"));
      text(doc, "domain")
          .filter(v -> !DOMAIN.matcher(v).matches())
          .ifPresent(v -> add("domain", "must be lower-case letters, digits, '_' or '-'"));
      each(doc, "", "schema", this::schemaObject);
      each(doc, "", "slaProperties", (sla, path) -> named(sla, path, "property"));
      each(doc, "", "roles", (role, path) -> named(role, path, "role"));
      each(doc, "", "servers", this::server);
      JsonNode team = doc.path("team");
      if (team.isArray()) {
        each(doc, "", "team", (member, path) -> named(member, path, "username"));
      } else {
        each(team, "team", "members", (member, path) -> named(member, path, "username"));
      }
      return violations;
    }

    private void schemaObject(JsonNode object, String path) {
      // Names key the diff between versions and become SQL identifiers in contract tests.
      named(object, path, "name");
      each(object, path, "properties", this::property);
      each(object, path, "quality", this::qualityRule);
    }

    private void property(JsonNode property, String path) {
      named(property, path, "name");
      options(property.path("logicalTypeOptions"), Paths.field(path, "logicalTypeOptions"));
      each(property, path, "properties", this::property);
      each(property, path, "quality", this::qualityRule);
      JsonNode items = property.path("items");
      if (items.isObject()) {
        options(items.path("logicalTypeOptions"), Paths.field(path, "items.logicalTypeOptions"));
        each(items, Paths.field(path, "items"), "properties", this::property);
        each(items, Paths.field(path, "items"), "quality", this::qualityRule);
      }
    }

    private void options(JsonNode options, String path) {
      JsonNode pattern = options.path("pattern");
      if (pattern.isTextual()) {
        try {
          Pattern.compile(pattern.asText());
        } catch (PatternSyntaxException e) {
          add(
              Paths.field(path, "pattern"),
              "is not a valid regular expression: " + e.getDescription());
        }
      }
      JsonNode min = options.path("minimum");
      JsonNode max = options.path("maximum");
      if (min.isNumber() && max.isNumber() && min.doubleValue() > max.doubleValue()) {
        add(Paths.field(path, "minimum"), "is greater than maximum");
      }
    }

    private void qualityRule(JsonNode rule, String path) {
      for (String between : List.of("mustBeBetween", "mustNotBeBetween")) {
        JsonNode range = rule.path(between);
        if (range.isArray()
            && range.size() == 2
            && range.get(0).isNumber()
            && range.get(1).isNumber()
            && range.get(0).doubleValue() >= range.get(1).doubleValue()) {
          add(Paths.field(path, between), "must be two different numbers, smallest first");
        }
      }
      // The quality checks read these arguments as lists; the standard leaves arguments open.
      JsonNode arguments = rule.path("arguments");
      for (String list : List.of("validValues", "missingValues", "properties")) {
        if (arguments.has(list) && !arguments.get(list).isArray()) {
          add(Paths.field(Paths.field(path, "arguments"), list), "must be a list");
        }
      }
    }

    private void server(JsonNode server, String path) {
      named(server, path, "server");
      String type = server.path("type").asText();
      if (type.equals("postgres") || type.equals("postgresql")) {
        for (String field : List.of("host", "database", "schema")) {
          named(server, path, field);
        }
      }
    }

    /** A name the standard requires as a string must not be blank either. */
    private void named(JsonNode node, String path, String field) {
      JsonNode value = node.path(field);
      if (value.isTextual() && value.asText().isBlank()) {
        add(Paths.field(path, field), "must be a non-empty string");
      }
    }

    private void each(JsonNode parent, String parentPath, String field, Check check) {
      JsonNode list = parent.path(field);
      String path = Paths.field(parentPath, field);
      for (int i = 0; i < list.size() && list.isArray(); i++) {
        if (list.get(i).isObject()) {
          check.apply(list.get(i), Paths.index(path, i));
        }
      }
    }

    private static Optional<String> text(JsonNode node, String field) {
      JsonNode value = node.path(field);
      return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private void add(String path, String message) {
      violations.add(new Violation(path, message));
    }
  }

  private interface Check {
    void apply(JsonNode node, String path);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
