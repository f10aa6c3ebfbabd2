package io.meshwork.contracts.observability;

import static io.meshwork.contracts.observability.Expectations.BETWEEN;
import static io.meshwork.contracts.observability.Expectations.COLUMNS_MATCH_SCHEMA;
import static io.meshwork.contracts.observability.Expectations.COLUMNS_MATCH_SET;
import static io.meshwork.contracts.observability.Expectations.COLUMN_EXISTS;
import static io.meshwork.contracts.observability.Expectations.CONSUMER_LAG;
import static io.meshwork.contracts.observability.Expectations.CONTRACT_RULES;
import static io.meshwork.contracts.observability.Expectations.FRESH;
import static io.meshwork.contracts.observability.Expectations.IN_SET;
import static io.meshwork.contracts.observability.Expectations.MATCH_REGEX;
import static io.meshwork.contracts.observability.Expectations.NOT_NULL;
import static io.meshwork.contracts.observability.Expectations.RECONCILES;
import static io.meshwork.contracts.observability.Expectations.REFERENCES;
import static io.meshwork.contracts.observability.Expectations.ROW_COUNT_BETWEEN;
import static io.meshwork.contracts.observability.Expectations.TOPIC_FRESH;
import static io.meshwork.contracts.observability.Expectations.UNIQUE;
import static io.meshwork.contracts.observability.Expectations.VOLUME_BASELINE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshwork.contracts.config.ContractsConfig;
import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.contracts.contract.testing.QualityChecks;
import io.meshwork.contracts.contract.testing.ReadOnlyConnections;
import io.meshwork.contracts.contract.testing.SqlFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Runs a suite's expectations on its dataset. Row-level and count expectations become the contract
 * engine's quality rules ({@link QualityChecks}, the same SQL as contract tests); schema, volume,
 * reconciliation and Kafka expectations run here. Nothing is written to the dataset.
 */
@ApplicationScoped
public class SuiteRunner {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a run measured: every result, the row count, the data's age, fields' completeness. */
  public record Measured(
      List<CheckResult> results,
      Long rowCount,
      Double freshnessSeconds,
      Map<String, long[]> completeness) {}

  private final ReadOnlyConnections connections;
  private final TopicChecks topics;
  private final RegisteredColumns registered;
  private final ContractsConfig config;
  private final ContractRules contractRules;

  public SuiteRunner(
      ReadOnlyConnections connections,
      TopicChecks topics,
      RegisteredColumns registered,
      ContractsConfig config,
      ContractRules contractRules) {
    this.contractRules = contractRules;
    this.connections = connections;
    this.topics = topics;
    this.registered = registered;
    this.config = config;
  }

  /** {@code baseline}: row counts of earlier runs, newest first. */
  public Measured run(
      MonitoredDataset dataset, List<Expectation> expectations, List<Long> baseline) {
    return dataset.isTable()
        ? table(dataset, expectations, baseline)
        : topic(dataset, expectations);
  }

  /** One table run's state: its session, the contract engine's checks, what was measured. */
  private record TableRun(
      MonitoredDataset dataset,
      Connection connection,
      QualityChecks checks,
      TableShape shape,
      List<CheckResult> results,
      Map<String, long[]> completeness,
      List<Long> baseline) {}

  private Measured table(
      MonitoredDataset dataset, List<Expectation> expectations, List<Long> baseline) {
    List<CheckResult> results = new ArrayList<>();
    Map<String, long[]> completeness = new LinkedHashMap<>();
    Double freshness = null;
    Long rows = null;
    try (Connection connection = open(dataset)) {
      QualityChecks checks =
          new QualityChecks(
              connection,
              dataset.schema,
              dataset.table,
              dataset.id,
              connections.timeoutSeconds(),
              connections.sampleSize());
      TableRun run =
          new TableRun(
              dataset,
              connection,
              checks,
              new TableShape(connection, dataset),
              results,
              completeness,
              baseline);
      for (Expectation expectation : expectations) {
        Double age = check(expectation, run);
        if (age != null) {
          freshness = Math.max(age, freshness == null ? 0 : freshness);
        }
      }
      rows = checks.rows();
      results.addAll(0, checks.results());
    } catch (SQLException e) {
      results.add(
          new CheckResult(
              "dataset",
              dataset.id,
              null,
              "reachable",
              CheckResult.FAILED,
              null,
              null,
              null,
              null,
              SqlFailures.connection(dataset.id, e),
              List.of()));
    }
    return new Measured(results, rows, freshness, completeness);
  }

  /** Runs one expectation on a table; returns the data's age if it measured it. */
  private Double check(Expectation expectation, TableRun run) throws SQLException {
    JsonNode a = expectation.arguments();
    String column = a.path("column").asText(null);
    QualityChecks checks = run.checks();
    List<CheckResult> results = run.results();
    switch (expectation.kind()) {
      case ROW_COUNT_BETWEEN -> checks.objectRule(rowCount(expectation));
      case NOT_NULL -> {
        checks.propertyRule(column, notNull(expectation));
        CheckResult result = last(checks.results());
        long total = checks.rows();
        if (result.measured() != null && "rows".equals(result.unit())) {
          run.completeness().put(column, new long[] {total - result.measured().longValue(), total});
        }
      }
      case UNIQUE -> checks.propertyRule(column, rule(expectation, "duplicateValues"));
      case IN_SET ->
          checks.propertyRule(
              column,
              withArguments(expectation, "invalidValues", "validValues", a.get("value_set")));
      case MATCH_REGEX ->
          checks.propertyRule(
              column, withArguments(expectation, "invalidValues", "pattern", a.get("regex")));
      case BETWEEN -> {
        ObjectNode rule = rule(expectation, "outOfRange");
        ObjectNode arguments = rule.putObject("arguments");
        arguments.set("min", a.get("min_value"));
        arguments.set("max", a.get("max_value"));
        checks.propertyRule(column, rule);
      }
      case COLUMN_EXISTS -> results.add(run.shape().columnExists(expectation));
      case COLUMNS_MATCH_SET -> {
        List<String> set = new ArrayList<>();
        a.path("column_set").forEach(name -> set.add(name.asText()));
        boolean exact = a.path("exact_match").asBoolean(true);
        results.add(run.shape().matches(expectation, set, exact, "column_set"));
      }
      case COLUMNS_MATCH_SCHEMA -> results.add(drift(expectation, run.dataset(), run.shape()));
      case FRESH -> {
        long seconds = Durations.parse(a.path("max_age").asText()).orElseThrow().toSeconds();
        Double age = checks.freshness(column, seconds, a.path("max_age").asText());
        checks
            .results()
            .set(checks.results().size() - 1, renamed(last(checks.results()), expectation));
        return age;
      }
      case VOLUME_BASELINE ->
          results.add(volume(expectation, run.dataset(), checks.rows(), run.baseline()));
      case RECONCILES ->
          results.add(
              Reconciliation.run(
                  expectation,
                  run.dataset(),
                  run.connection(),
                  MonitoredDataset.findById(a.path("source").asText()),
                  this::open));
      case CONTRACT_RULES -> contractRules.run(expectation, run.dataset(), checks, results);
      case REFERENCES ->
          results.add(
              References.run(
                  expectation,
                  run.dataset(),
                  run.connection(),
                  MonitoredDataset.findById(a.path("dataset").asText())));
      default ->
          results.add(Checked.notRun(expectation, run.dataset().id, "it reads a Kafka topic"));
    }
    return null;
  }

  private Measured topic(MonitoredDataset dataset, List<Expectation> expectations) {
    List<CheckResult> results = new ArrayList<>();
    Double freshness = null;
    for (Expectation expectation : expectations) {
      JsonNode a = expectation.arguments();
      try {
        if (expectation.kind().equals(TOPIC_FRESH)) {
          long max = Durations.parse(a.path("max_age").asText()).orElseThrow().toSeconds();
          Double age = topics.newestAgeSeconds(dataset.topic);
          boolean passed = age != null && age <= max;
          freshness = age == null ? freshness : Math.max(age, freshness == null ? 0 : freshness);
          results.add(
              Checked.of(
                  expectation,
                  dataset.id,
                  "freshness",
                  passed,
                  age,
                  "seconds",
                  "mustBeLessOrEqualTo: " + max + " (" + a.path("max_age").asText() + ")",
                  null,
                  age == null
                      ? "the topic holds no records"
                      : passed ? "fresh" : "the newest record is older than allowed"));
        } else if (expectation.kind().equals(CONSUMER_LAG)) {
          long lag = topics.lag(dataset.topic, a.path("group").asText());
          long max = a.path("max_lag").asLong();
          results.add(
              Checked.of(
                  expectation,
                  dataset.id,
                  "consumerLag",
                  lag <= max,
                  (double) lag,
                  "records",
                  "mustBeLessOrEqualTo: " + max,
                  null,
                  lag <= max
                      ? "ok"
                      : "group " + a.path("group").asText() + " is " + lag + " records behind"));
        } else {
          results.add(
              Checked.notRun(
                  expectation, dataset.id, "it reads a table; this dataset is a Kafka topic"));
        }
      } catch (Exception e) {
        results.add(TopicChecks.unreachable(expectation, dataset.id, e));
      }
    }
    return new Measured(results, null, freshness, Map.of());
  }

  private CheckResult drift(Expectation expectation, MonitoredDataset dataset, TableShape shape) {
    return registered
        .columns(dataset.schemaUrn)
        .map(columns -> shape.matches(expectation, columns, true, dataset.schemaUrn))
        .orElseGet(
            () ->
                Checked.notRun(
                    expectation, dataset.id, "the dataset's registered schema cannot be read"));
  }

  private CheckResult volume(
      Expectation expectation, MonitoredDataset dataset, long rows, List<Long> baseline) {
    JsonNode a = expectation.arguments();
    double tolerance =
        a.has("tolerance")
            ? Fractions.parse(a.get("tolerance")).orElseThrow()
            : config.observability().volumeTolerance();
    int runs = a.path("runs").asInt(config.observability().baselineRuns());
    List<Long> used = baseline.stream().limit(runs).toList();
    OptionalDouble mean = used.stream().mapToLong(Long::longValue).average();
    String bar =
        "within "
            + Math.round(tolerance * 100)
            + "% of the mean of the last "
            + used.size()
            + " runs";
    if (mean.isEmpty()) {
      return new CheckResult(
          expectation.checkName(),
          dataset.id,
          null,
          "volume",
          CheckResult.PASSED,
          (double) rows,
          "rows",
          bar,
          null,
          "no baseline yet: this run starts it",
          List.of());
    }
    double change =
        mean.getAsDouble() == 0
            ? (rows == 0 ? 0 : 1)
            : (rows - mean.getAsDouble()) / mean.getAsDouble();
    boolean passed = Math.abs(change) <= tolerance;
    return Checked.of(
        expectation,
        dataset.id,
        "volume",
        passed,
        (double) rows,
        "rows",
        bar + " (" + Math.round(mean.getAsDouble()) + ")",
        null,
        (passed ? "ok: " : "volume anomaly: ")
            + String.format("%+.1f%%", change * 100)
            + " against the baseline");
  }

  private Connection open(MonitoredDataset dataset) throws SQLException {
    return connections.open(WarehouseUrls.of(config.observability().serverUrl(), dataset.database));
  }

  private static ObjectNode rule(Expectation expectation, String metric) {
    ObjectNode rule = NODES.objectNode();
    rule.put("name", expectation.checkName());
    rule.put("metric", metric);
    rule.put("mustBe", 0);
    return rule;
  }

  private static ObjectNode withArguments(
      Expectation expectation, String metric, String name, JsonNode value) {
    ObjectNode rule = rule(expectation, metric);
    rule.putObject("arguments").set(name, value);
    return rule;
  }

  private static ObjectNode notNull(Expectation expectation) {
    JsonNode mostly = expectation.arguments().get("mostly");
    if (mostly == null) {
      return rule(expectation, "nullValues");
    }
    ObjectNode rule = NODES.objectNode();
    rule.put("name", expectation.checkName());
    rule.put("metric", "nullValues");
    rule.put("unit", "percent");
    rule.put("mustBeLessOrEqualTo", (1 - Fractions.parse(mostly).orElseThrow()) * 100);
    return rule;
  }

  private static ObjectNode rowCount(Expectation expectation) {
    JsonNode a = expectation.arguments();
    ObjectNode rule = NODES.objectNode();
    rule.put("name", expectation.checkName());
    rule.put("metric", "rowCount");
    if (a.has("min_value") && a.has("max_value")) {
      rule.putArray("mustBeBetween").add(a.get("min_value")).add(a.get("max_value"));
    } else if (a.has("min_value")) {
      rule.set("mustBeGreaterOrEqualTo", a.get("min_value"));
    } else {
      rule.set("mustBeLessOrEqualTo", a.get("max_value"));
    }
    return rule;
  }

  private static CheckResult renamed(CheckResult result, Expectation expectation) {
    return new CheckResult(
        expectation.checkName(),
        result.object(),
        result.property(),
        result.metric(),
        result.status(),
        result.measured(),
        result.unit(),
        result.threshold(),
        result.sql(),
        result.message(),
        result.sample());
  }

  private static CheckResult last(List<CheckResult> results) {
    return results.get(results.size() - 1);
  }
}
