package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.web.problem.Problem.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The expectations a suite may hold and what each needs: Great Expectations' own names for the
 * common ones, and {@code expect_..._}names in the same form for what GE has no word for
 * (freshness, volume against a baseline, schema drift, reconciliation, Kafka topics). Each checker
 * adds a violation per wrong argument, with its path.
 */
final class Expectations {

  static final String ROW_COUNT_BETWEEN = "expect_table_row_count_to_be_between";
  static final String NOT_NULL = "expect_column_values_to_not_be_null";
  static final String UNIQUE = "expect_column_values_to_be_unique";
  static final String IN_SET = "expect_column_values_to_be_in_set";
  static final String MATCH_REGEX = "expect_column_values_to_match_regex";
  static final String BETWEEN = "expect_column_values_to_be_between";
  static final String COLUMN_EXISTS = "expect_column_to_exist";
  static final String COLUMNS_MATCH_SET = "expect_table_columns_to_match_set";
  static final String COLUMNS_MATCH_SCHEMA = "expect_table_columns_to_match_registered_schema";
  static final String FRESH = "expect_table_data_to_be_fresh";
  static final String VOLUME_BASELINE = "expect_table_row_count_to_match_baseline";
  static final String RECONCILES = "expect_table_to_reconcile_with";
  static final String TOPIC_FRESH = "expect_topic_data_to_be_fresh";
  static final String CONSUMER_LAG = "expect_consumer_group_lag_to_be_below";
  static final String CONTRACT_RULES = "expect_contract_quality_rules_to_pass";
  static final String REFERENCES = "expect_column_values_to_be_in_dataset";

  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");
  private static final Pattern DATASET = Pattern.compile("^[a-z][a-z0-9_-]{0,62}/[A-Za-z0-9_.-]+$");
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  private record Checker(BiConsumer<Arguments, List<Violation>> check) {}

  private static final Map<String, Checker> KINDS =
      Map.ofEntries(
          Map.entry(ROW_COUNT_BETWEEN, new Checker((a, v) -> a.range("min_value", "max_value", v))),
          Map.entry(
              NOT_NULL,
              new Checker(
                  (a, v) -> {
                    a.column(v);
                    a.fraction("mostly", v);
                  })),
          Map.entry(UNIQUE, new Checker((a, v) -> a.column(v))),
          Map.entry(
              IN_SET,
              new Checker(
                  (a, v) -> {
                    a.column(v);
                    a.nonEmptyList("value_set", v);
                  })),
          Map.entry(
              MATCH_REGEX,
              new Checker(
                  (a, v) -> {
                    a.column(v);
                    a.regex("regex", v);
                  })),
          Map.entry(
              BETWEEN,
              new Checker(
                  (a, v) -> {
                    a.column(v);
                    a.range("min_value", "max_value", v);
                  })),
          Map.entry(COLUMN_EXISTS, new Checker((a, v) -> a.column(v))),
          Map.entry(COLUMNS_MATCH_SET, new Checker((a, v) -> a.identifiers("column_set", v))),
          Map.entry(COLUMNS_MATCH_SCHEMA, new Checker((a, v) -> {})),
          Map.entry(
              FRESH,
              new Checker(
                  (a, v) -> {
                    a.column(v);
                    a.duration("max_age", true, v);
                  })),
          Map.entry(
              VOLUME_BASELINE,
              new Checker(
                  (a, v) -> {
                    a.fraction("tolerance", v);
                    a.positive("runs", v);
                  })),
          Map.entry(RECONCILES, new Checker(Expectations::reconciliation)),
          Map.entry(
              REFERENCES,
              new Checker(
                  (a, v) -> {
                    a.column(v);
                    a.optionalIdentifier("reference_column", v);
                    JsonNode dataset = a.node().get("dataset");
                    if (dataset == null || !DATASET.matcher(dataset.asText()).matches()) {
                      v.add(new Violation(a.path() + ".dataset", "a dataset as domain/name"));
                    }
                  })),
          Map.entry(TOPIC_FRESH, new Checker((a, v) -> a.duration("max_age", true, v))),
          Map.entry(
              CONTRACT_RULES,
              new Checker(
                  (a, v) -> {
                    a.text("contract", true, v);
                    a.text("version", false, v);
                  })),
          Map.entry(
              CONSUMER_LAG,
              new Checker(
                  (a, v) -> {
                    a.text("group", true, v);
                    a.positive("max_lag", v);
                  })));

  private Expectations() {}

  static boolean known(String kind) {
    return KINDS.containsKey(kind);
  }

  static List<String> names() {
    return KINDS.keySet().stream().sorted().toList();
  }

  /** Adds a violation for each wrong argument of {@code kind} (known) at {@code path}. */
  static void check(String kind, JsonNode arguments, String path, List<Violation> violations) {
    KINDS.get(kind).check().accept(new Arguments(arguments, path), violations);
  }

  private static void reconciliation(Arguments a, List<Violation> v) {
    JsonNode source = a.node.get("source");
    if (source == null || !DATASET.matcher(source.asText()).matches()) {
      v.add(new Violation(a.path + ".source", "a dataset as domain/name, e.g. sales/orders"));
    }
    for (String column : List.of("column", "source_column", "date_column", "source_date_column")) {
      a.optionalIdentifier(column, v);
    }
    JsonNode date = a.node.get("batch_date");
    if (date != null
        && !date.asText().equals("yesterday")
        && !date.asText().equals("today")
        && !DATE.matcher(date.asText()).matches()) {
      v.add(new Violation(a.path + ".batch_date", "a date (2023-11-15), today or yesterday"));
    }
    if (date != null && !a.node.has("date_column")) {
      v.add(new Violation(a.path + ".date_column", "needed with batch_date"));
    }
  }

  /** One expectation's arguments with their path. */
  private record Arguments(JsonNode node, String path) {

    void column(List<Violation> v) {
      JsonNode column = node.get("column");
      if (column == null || !IDENTIFIER.matcher(column.asText()).matches()) {
        v.add(new Violation(path + ".column", "a column name (letters, digits, '_'; at most 63)"));
      }
    }

    void optionalIdentifier(String name, List<Violation> v) {
      JsonNode value = node.get(name);
      if (value != null && !IDENTIFIER.matcher(value.asText()).matches()) {
        v.add(new Violation(path + "." + name, "a column name (letters, digits, '_')"));
      }
    }

    void identifiers(String name, List<Violation> v) {
      JsonNode list = node.get(name);
      if (list == null || !list.isArray() || list.isEmpty()) {
        v.add(new Violation(path + "." + name, "a non-empty list of column names"));
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        if (!IDENTIFIER.matcher(list.get(i).asText()).matches()) {
          v.add(new Violation(path + "." + name + "[" + i + "]", "not a column name"));
        }
      }
    }

    void range(String min, String max, List<Violation> v) {
      JsonNode low = node.get(min);
      JsonNode high = node.get(max);
      if (low == null && high == null) {
        v.add(new Violation(path, "needs " + min + " or " + max));
      }
      if (low != null && !low.isNumber()) {
        v.add(new Violation(path + "." + min, "must be a number"));
      }
      if (high != null && !high.isNumber()) {
        v.add(new Violation(path + "." + max, "must be a number"));
      }
      if (low != null && high != null && low.isNumber() && high.isNumber()) {
        if (low.decimalValue().compareTo(high.decimalValue()) > 0) {
          v.add(new Violation(path + "." + min, min + " must not be greater than " + max));
        }
      }
    }

    void fraction(String name, List<Violation> v) {
      JsonNode value = node.get(name);
      if (value != null && Fractions.parse(value).isEmpty()) {
        v.add(new Violation(path + "." + name, "a share: 0.2 or 20%, between 0 and 1"));
      }
    }

    void positive(String name, List<Violation> v) {
      JsonNode value = node.get(name);
      boolean required = name.equals("max_lag");
      if ((value == null && required)
          || (value != null
              && !(value.canConvertToLong() && value.isIntegralNumber() && value.asLong() >= 0))) {
        v.add(new Violation(path + "." + name, "a whole number, 0 or more"));
      }
    }

    void nonEmptyList(String name, List<Violation> v) {
      JsonNode list = node.get(name);
      if (list == null || !list.isArray() || list.isEmpty()) {
        v.add(new Violation(path + "." + name, "a non-empty list of values"));
      }
    }

    void regex(String name, List<Violation> v) {
      JsonNode value = node.get(name);
      if (value == null || !value.isTextual()) {
        v.add(new Violation(path + "." + name, "a regular expression"));
        return;
      }
      try {
        Pattern.compile(value.asText());
      } catch (PatternSyntaxException e) {
        v.add(new Violation(path + "." + name, "does not compile: " + e.getDescription()));
      }
    }

    void duration(String name, boolean required, List<Violation> v) {
      JsonNode value = node.get(name);
      if (value == null) {
        if (required) {
          v.add(new Violation(path + "." + name, "a duration: 24h, 30m, 2d or ISO-8601 (PT1H)"));
        }
        return;
      }
      Optional<Duration> parsed = Durations.parse(value.asText());
      if (parsed.isEmpty()) {
        v.add(new Violation(path + "." + name, "a duration: 24h, 30m, 2d or ISO-8601 (PT1H)"));
      }
    }

    void text(String name, boolean required, List<Violation> v) {
      JsonNode value = node.get(name);
      if ((value == null && required) || (value != null && value.asText().isBlank())) {
        v.add(new Violation(path + "." + name, "required"));
      }
    }
  }
}
