package io.meshwork.contracts.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.ParserMessages;
import io.meshwork.web.problem.Problem.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a quality suite in the seed's Great Expectations form ({@code validations: - name: ...
 * expectations: - expect_...: {...}}), as YAML or JSON, with two optional keys of ours: {@code
 * dataset} ({@code domain/name}) and {@code schedule} ({@code 1h}). Every wrong part is reported at
 * once, each with its path.
 */
public final class SuiteReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP =
      Set.of("dataset", "schedule", "description", "validations");
  private static final Set<String> VALIDATION = Set.of("name", "description", "expectations");

  /** A suite read and checked; {@code document} is its canonical JSON. */
  public record Suite(
      Optional<String> dataset,
      Optional<Duration> schedule,
      List<Expectation> expectations,
      ObjectNode document) {}

  private SuiteReader() {}

  public static Suite read(String text, boolean yaml) {
    JsonNode tree;
    try {
      tree = (yaml ? YAML : JSON).readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      throw invalid(List.of(ParserMessages.syntax(e, yaml)));
    }
    return read(tree);
  }

  /** Checks a tree in the suite form (stored suites are read again this way). */
  public static Suite read(JsonNode tree) {
    List<Violation> violations = new ArrayList<>();
    if (tree == null || !tree.isObject()) {
      throw invalid(List.of(new Violation("$", "a suite is an object with validations")));
    }
    unknownKeys(tree, TOP, "", violations);
    Optional<String> dataset = Optional.ofNullable(tree.get("dataset")).map(JsonNode::asText);
    Optional<Duration> schedule = Optional.empty();
    if (tree.has("schedule")) {
      schedule = Durations.parse(tree.get("schedule").asText());
      if (schedule.isEmpty()) {
        violations.add(new Violation("schedule", "a duration: 1h, 30m, 1d or ISO-8601 (PT1H)"));
      }
    }
    List<Expectation> expectations = new ArrayList<>();
    JsonNode validations = tree.get("validations");
    if (validations == null || !validations.isArray() || validations.isEmpty()) {
      violations.add(new Violation("validations", "a non-empty list of validations"));
    } else {
      for (int i = 0; i < validations.size(); i++) {
        validation(validations.get(i), "validations[" + i + "]", expectations, violations);
      }
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return new Suite(dataset, schedule, expectations, (ObjectNode) tree);
  }

  private static void validation(
      JsonNode validation, String path, List<Expectation> into, List<Violation> violations) {
    if (!validation.isObject()) {
      violations.add(new Violation(path, "a validation is an object with name and expectations"));
      return;
    }
    unknownKeys(validation, VALIDATION, path + ".", violations);
    String name = validation.path("name").asText("");
    if (name.isBlank()) {
      violations.add(new Violation(path + ".name", "required"));
    }
    JsonNode expectations = validation.get("expectations");
    if (expectations == null || !expectations.isArray() || expectations.isEmpty()) {
      violations.add(new Violation(path + ".expectations", "a non-empty list of expectations"));
      return;
    }
    for (int j = 0; j < expectations.size(); j++) {
      String at = path + ".expectations[" + j + "]";
      JsonNode expectation = expectations.get(j);
      if (!expectation.isObject() || expectation.size() != 1) {
        violations.add(new Violation(at, "one expectation per entry: - expect_...: {arguments}"));
        continue;
      }
      Map.Entry<String, JsonNode> entry = expectation.fields().next();
      String kind = entry.getKey();
      JsonNode arguments =
          entry.getValue() == null || entry.getValue().isNull()
              ? JsonNodeFactory.instance.objectNode()
              : entry.getValue();
      if (!Expectations.known(kind)) {
        violations.add(
            new Violation(
                at, "unknown expectation '" + kind + "'; known: " + Expectations.names()));
      } else if (!arguments.isObject()) {
        violations.add(new Violation(at + "." + kind, "the arguments are an object"));
      } else {
        Expectations.check(kind, arguments, at + "." + kind, violations);
        into.add(new Expectation(name, kind, arguments, at));
      }
    }
  }

  private static void unknownKeys(
      JsonNode node, Set<String> known, String prefix, List<Violation> violations) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        violations.add(
            new Violation(
                prefix + name, "unknown key; known: " + known.stream().sorted().toList()));
      }
    }
  }

  static InvalidRequestException invalid(List<Violation> violations) {
    return new InvalidRequestException(
        "contracts.quality.invalid-suite",
        violations.size() == 1
            ? "The suite has 1 problem"
            : "The suite has " + violations.size() + " problems",
        violations);
  }
}
