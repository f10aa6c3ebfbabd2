package io.meshwork.contracts.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.contracts.registry.CompatibilityIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The add/remove x required/optional x open/closed table, for BACKWARD (new reads old), FORWARD
 * (old reads new) and FULL (both). "Compatible" means: every document one schema admits, the other
 * admits too.
 */
class JsonSchemaCompatibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  enum Change {
    ADD,
    REMOVE
  }

  enum Presence {
    REQUIRED,
    OPTIONAL
  }

  enum Model {
    OPEN,
    CLOSED
  }

  enum Level {
    BACKWARD,
    FORWARD,
    FULL
  }

  /** A schema with "id" and, when {@code withEmail}, an "email" string property. */
  private static JsonNode schema(boolean withEmail, Presence presence, Model model) {
    StringBuilder json =
        new StringBuilder("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}");
    if (withEmail) {
      json.append(",\"email\":{\"type\":\"string\"}");
    }
    json.append("},\"required\":[\"id\"");
    if (withEmail && presence == Presence.REQUIRED) {
      json.append(",\"email\"");
    }
    json.append("]");
    if (model == Model.CLOSED) {
      json.append(",\"additionalProperties\":false");
    }
    return parse(json.append("}").toString());
  }

  /**
   * Expected outcome, derived by hand from what each schema admits (old -> new):
   *
   * <pre>
   * change  presence  model   BACKWARD (new admits all old)       FORWARD (old admits all new)
   * ADD     OPTIONAL  OPEN    no: old admits {"email": true}      yes: open old admits any email
   * ADD     OPTIONAL  CLOSED  yes: old never has email            no: closed old refuses email
   * ADD     REQUIRED  OPEN    no: old docs lack email             yes
   * ADD     REQUIRED  CLOSED  no: old docs lack email             no: closed old refuses email
   * REMOVE  OPTIONAL  OPEN    yes: open new admits any email      no: new admits {"email": true}
   * REMOVE  OPTIONAL  CLOSED  no: closed new refuses email        yes: new never has email
   * REMOVE  REQUIRED  OPEN    yes                                 no: new docs lack email
   * REMOVE  REQUIRED  CLOSED  no: closed new refuses email        no: new docs lack email
   * </pre>
   */
  static Stream<Arguments> table() {
    String addedToOpen = "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL";
    String removedFromClosed = "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL";
    String requiredAdded = "REQUIRED_PROPERTY_ADDED";
    List<Arguments> rows = new ArrayList<>();
    row(rows, Change.ADD, Presence.OPTIONAL, Model.OPEN, addedToOpen, null);
    row(rows, Change.ADD, Presence.OPTIONAL, Model.CLOSED, null, removedFromClosed);
    row(rows, Change.ADD, Presence.REQUIRED, Model.OPEN, requiredAdded, null);
    row(rows, Change.ADD, Presence.REQUIRED, Model.CLOSED, requiredAdded, removedFromClosed);
    row(rows, Change.REMOVE, Presence.OPTIONAL, Model.OPEN, null, addedToOpen);
    row(rows, Change.REMOVE, Presence.OPTIONAL, Model.CLOSED, removedFromClosed, null);
    row(rows, Change.REMOVE, Presence.REQUIRED, Model.OPEN, null, requiredAdded);
    row(rows, Change.REMOVE, Presence.REQUIRED, Model.CLOSED, removedFromClosed, requiredAdded);
    return rows.stream();
  }

  /** {@code backwardRule}/{@code forwardRule}: the rule a refusal names, null when compatible. */
  private static void row(
      List<Arguments> rows,
      Change change,
      Presence presence,
      Model model,
      String backwardRule,
      String forwardRule) {
    rows.add(
        Arguments.of(change, presence, model, Level.BACKWARD, backwardRule == null, backwardRule));
    rows.add(
        Arguments.of(change, presence, model, Level.FORWARD, forwardRule == null, forwardRule));
    rows.add(
        Arguments.of(
            change,
            presence,
            model,
            Level.FULL,
            backwardRule == null && forwardRule == null,
            backwardRule != null ? backwardRule : forwardRule));
  }

  @ParameterizedTest(name = "{0} {1} property to/from {2} model under {3}: compatible={4}")
  @MethodSource("table")
  void addAndRemoveTable(
      Change change, Presence presence, Model model, Level level, boolean compatible, String rule) {
    JsonNode old = schema(change == Change.REMOVE, presence, model);
    JsonNode neu = schema(change == Change.ADD, presence, model);
    List<CompatibilityIssue> issues = new ArrayList<>();
    if (level != Level.FORWARD) {
      issues.addAll(JsonSchemaCompatibility.readIssues(neu, old));
    }
    if (level != Level.BACKWARD) {
      issues.addAll(JsonSchemaCompatibility.readIssues(old, neu));
    }
    if (compatible) {
      assertThat(issues).isEmpty();
    } else {
      assertThat(issues).isNotEmpty();
      assertThat(issues).extracting(CompatibilityIssue::rule).contains(rule);
      CompatibilityIssue issue =
          issues.stream().filter(i -> i.rule().equals(rule)).findFirst().orElseThrow();
      assertThat(issue.path()).isEqualTo("#/properties/email");
      assertThat(issue.fix()).isNotBlank();
      assertThat(issue.description()).contains("email");
    }
  }

  @Test
  void refusalExplainsWithPathFragmentsCounterExampleAndFix() {
    JsonNode old = parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}");
    JsonNode neu =
        parse(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}}}");
    CompatibilityIssue issue = JsonSchemaCompatibility.readIssues(neu, old).get(0);
    assertThat(issue.rule()).isEqualTo("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
    assertThat(issue.path()).isEqualTo("#/properties/email");
    assertThat(issue.oldFragment()).isEqualTo("true");
    assertThat(issue.newFragment()).isEqualTo("{\"type\":\"string\"}");
    assertThat(issue.description()).contains("{\"email\": true}");
    assertThat(issue.fix()).contains("additionalProperties");
  }

  @Test
  void addingAPropertyThatAcceptsAnythingToAnOpenModelIsCompatible() {
    JsonNode old = parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}");
    JsonNode neu =
        parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"notes\":{}}}");
    assertThat(JsonSchemaCompatibility.readIssues(neu, old)).isEmpty();
  }

  @Test
  void requiredPropertyWithDefaultReadsOldDocuments() {
    JsonNode old =
        parse(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"additionalProperties\":false}");
    JsonNode neu =
        parse(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
                + "\"tier\":{\"type\":\"string\",\"default\":\"basic\"}},\"required\":[\"tier\"],"
                + "\"additionalProperties\":false}");
    assertThat(JsonSchemaCompatibility.readIssues(neu, old)).isEmpty();
  }

  @Test
  void partiallyOpenModelCoversARemovedPropertyOnlyIfItsSchemaAdmitsTheOldValues() {
    JsonNode old =
        parse(
            "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"}},"
                + "\"additionalProperties\":{\"type\":\"string\"}}");
    JsonNode coveredNew =
        parse("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}");
    JsonNode notCoveredNew =
        parse("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}");
    assertThat(JsonSchemaCompatibility.readIssues(coveredNew, old)).isEmpty();
    assertThat(JsonSchemaCompatibility.readIssues(notCoveredNew, old))
        .extracting(CompatibilityIssue::rule)
        .contains("PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL");
  }

  @Test
  void narrowingTypesEnumsAndRangesIsRefusedWideningIsNot() {
    JsonNode old =
        parse(
            "{\"type\":\"object\",\"properties\":{"
                + "\"amount\":{\"type\":\"number\",\"minimum\":0},"
                + "\"currency\":{\"enum\":[\"USD\",\"EUR\",\"JPY\"]},"
                + "\"code\":{\"type\":\"string\",\"maxLength\":10}}}");
    JsonNode narrower =
        parse(
            "{\"type\":\"object\",\"properties\":{"
                + "\"amount\":{\"type\":\"integer\",\"minimum\":1},"
                + "\"currency\":{\"enum\":[\"USD\",\"EUR\"]},"
                + "\"code\":{\"type\":\"string\",\"maxLength\":5}}}");
    assertThat(JsonSchemaCompatibility.readIssues(narrower, old))
        .extracting(CompatibilityIssue::rule, CompatibilityIssue::path)
        .contains(
            tuple("TYPE_NARROWED", "#/properties/amount"),
            tuple("MINIMUM_INCREASED", "#/properties/amount"),
            tuple("ENUM_NARROWED", "#/properties/currency"),
            tuple("MAX_LENGTH_DECREASED", "#/properties/code"));
    assertThat(JsonSchemaCompatibility.readIssues(old, narrower)).isEmpty();
  }

  @Test
  void nestedObjectsArraysAndRefsAreFollowed() {
    JsonNode old =
        parse(
            "{\"$defs\":{\"line\":{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"}}}},"
                + "\"type\":\"object\",\"properties\":{\"lines\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/line\"}}}}");
    JsonNode neu =
        parse(
            "{\"$defs\":{\"line\":{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"},"
                + "\"qty\":{\"type\":\"integer\"}},\"required\":[\"qty\"]}},"
                + "\"type\":\"object\",\"properties\":{\"lines\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/line\"}}}}");
    assertThat(JsonSchemaCompatibility.readIssues(neu, old))
        .extracting(CompatibilityIssue::path)
        .contains("#/properties/lines/items/properties/qty");
  }

  @Test
  void closingAnOpenModelIsRefusedOpeningAClosedOneIsNot() {
    JsonNode open = parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}");
    JsonNode closed =
        parse(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"additionalProperties\":false}");
    assertThat(JsonSchemaCompatibility.readIssues(closed, open))
        .extracting(CompatibilityIssue::rule)
        .containsExactly("ADDITIONAL_PROPERTIES_REMOVED");
    assertThat(JsonSchemaCompatibility.readIssues(open, closed)).isEmpty();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
