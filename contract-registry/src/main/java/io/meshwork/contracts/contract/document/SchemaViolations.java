package io.meshwork.contracts.contract.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.meshwork.web.problem.Problem;
import io.meshwork.web.problem.Problem.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The JSON Schema validator's errors as the registry's violations: one per problem, at a document
 * path ({@code schema[1].properties[0].logicalType}), in the registry's words.
 *
 * <p>The validator reports more than the problems: every branch of a failed {@code oneOf}, and,
 * where a subschema failed, every property as "not evaluated" by the enclosing {@code
 * unevaluatedProperties}. Those follow from another error and are dropped here.
 */
final class SchemaViolations {

  /** A failed alternative's own errors: {@code .../oneOf/3/required}. */
  private static final Pattern BRANCH = Pattern.compile("/(?:oneOf|anyOf)/\\d+(?:/|$)");

  /** Keywords whose failure drops the annotations {@code unevaluatedProperties} relies on. */
  private static final List<String> APPLICATORS =
      List.of("/$ref", "/allOf", "/anyOf", "/oneOf", "/then", "/else", "/not");

  private static final String UNEVALUATED = "unevaluatedProperties";

  /** A property of a schema object, or the item of an array property. */
  private static final Pattern PROPERTY = Pattern.compile(".*(?:properties\\[\\d+]|\\.items)");

  private static final Set<String> OPERATORS =
      new TreeSet<>(
          List.of(
              "mustBe",
              "mustNotBe",
              "mustBeGreaterThan",
              "mustBeGreaterOrEqualTo",
              "mustBeLessThan",
              "mustBeLessOrEqualTo",
              "mustBeBetween",
              "mustNotBeBetween"));

  private SchemaViolations() {}

  /** {@code document} is the validated one, for wording that names a value of it. */
  static List<Violation> of(List<Error> errors, JsonNode document) {
    Set<Violation> violations = new LinkedHashSet<>();
    for (Error error : errors) {
      String evaluation = error.getEvaluationPath().toString();
      if (BRANCH.matcher(evaluation).find() || followsFromAnother(error, errors)) {
        continue;
      }
      violations.add(violation(error, document));
    }
    return new ArrayList<>(violations);
  }

  /**
   * An "is not evaluated" whose schema also failed in one of its applicators: the property may be
   * declared there, and is reported once that failure is fixed.
   */
  private static boolean followsFromAnother(Error error, List<Error> errors) {
    if (!UNEVALUATED.equals(error.getKeyword())) {
      return false;
    }
    String evaluation = error.getEvaluationPath().toString();
    String schema = evaluation.substring(0, evaluation.length() - UNEVALUATED.length() - 1);
    String instance = error.getInstanceLocation().toString();
    for (Error other : errors) {
      String otherInstance = other.getInstanceLocation().toString();
      boolean within = otherInstance.equals(instance) || otherInstance.startsWith(instance + "/");
      String otherEvaluation = other.getEvaluationPath().toString();
      if (within && APPLICATORS.stream().anyMatch(a -> otherEvaluation.startsWith(schema + a))) {
        return true;
      }
    }
    return false;
  }

  private static Violation violation(Error error, JsonNode document) {
    String at = path(error.getInstanceLocation());
    return switch (error.getKeyword()) {
      case "required" -> new Violation(Paths.field(at, error.getProperty()), "is required");
      case "additionalProperties", UNEVALUATED -> unknownField(error, at, document);
      case "type" -> new Violation(orRoot(at), "must be " + noun(error.getArguments()));
      case "enum" -> new Violation(orRoot(at), allowedValues(error));
      case "oneOf" ->
          error.getSchemaLocation().toString().endsWith("DataQualityOperators/oneOf")
              ? new Violation(orRoot(at), operators(error.getInstanceNode()))
              : new Violation(orRoot(at), "must match exactly one form the standard allows");
      case "anyOf" ->
          at.endsWith(".value")
              ? new Violation(at, "must be a string, number or boolean")
              : new Violation(orRoot(at), "does not match any form the standard allows");
      case "not" -> new Violation(orRoot(at), "is not allowed here");
      case "minItems", "maxItems", "uniqueItems" ->
          at.endsWith("mustBeBetween") || at.endsWith("mustNotBeBetween")
              ? new Violation(at, "must be two different numbers, smallest first")
              : new Violation(orRoot(at), error.getMessage());
      default -> new Violation(orRoot(at), error.getMessage());
    };
  }

  /** A field the standard does not have where it was given; with a hint for common mistakes. */
  private static Violation unknownField(Error error, String parent, JsonNode document) {
    String name = error.getProperty();
    String field = Paths.field(parent, name);
    if (parent.endsWith(".logicalTypeOptions")) {
      String options = error.getInstanceLocation().toString();
      JsonNode type =
          document.at(options.substring(0, options.lastIndexOf('/'))).path("logicalType");
      return new Violation(field, "is not an option of logicalType " + type.asText());
    }
    if (PROPERTY.matcher(parent).matches()) {
      switch (name) {
        case "enum" -> {
          return new Violation(
              field,
              "ODCS v3.1 has no enum on properties: use a quality rule {metric: invalidValues,"
                  + " arguments: {validValues: [...]}, mustBe: 0}");
        }
        case "properties" -> {
          return new Violation(field, "nested properties need logicalType object");
        }
        case "items" -> {
          return new Violation(field, "items need logicalType array");
        }
        default -> {
          // no better hint than the generic one
        }
      }
    }
    return new Violation(field, "is not an ODCS v3.1 field here");
  }

  private static String allowedValues(Error error) {
    List<String> allowed = new ArrayList<>();
    JsonNode values = error.getSchemaNode();
    if (values != null && values.isArray()) {
      values.forEach(value -> allowed.add(value.asText()));
    }
    JsonNode given = error.getInstanceNode();
    return "must be one of "
        + allowed
        + (given == null ? "" : ", was '" + Problem.excerpt(given.asText()) + "'");
  }

  private static String operators(JsonNode rule) {
    List<String> found = new ArrayList<>();
    if (rule != null) {
      rule.fieldNames()
          .forEachRemaining(
              name -> {
                if (OPERATORS.contains(name)) {
                  found.add(name);
                }
              });
    }
    return "needs exactly one operator of " + OPERATORS + ", found " + found;
  }

  /** The expected type of a {@code type} error ({@code [found, expected]}) in words. */
  private static String noun(Object[] arguments) {
    String expected = arguments != null && arguments.length > 1 ? String.valueOf(arguments[1]) : "";
    return switch (expected) {
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "object" -> "an object";
      case "array" -> "a list";
      default -> "of type " + expected;
    };
  }

  /** {@code schema[1].properties[0]} from the validator's instance location. */
  static String path(NodePath location) {
    String path = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path =
          element instanceof Integer index
              ? Paths.index(path, index)
              : Paths.field(path, String.valueOf(element));
    }
    return path;
  }

  private static String orRoot(String path) {
    return path.isEmpty() ? "$" : path;
  }
}
