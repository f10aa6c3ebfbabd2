package io.meshwork.contracts.contract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.contract.document.OdcsV30Forms;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs quality rules on one PostgreSQL table as read-only SQL: nullValues, missingValues,
 * invalidValues (allowed values or pattern), duplicateValues (one column or a combination),
 * rowCount, outOfRange (a value outside arguments.min/max), freshness (from a latency/freshness
 * SLA) and {@code type: sql} rules. Contracts' rules and quality suites' expectations both run
 * here. Identifiers are validated and quoted, values bound; the connection is read-only. A failed
 * row-level rule keeps a few of the failing rows.
 */
public final class QualityChecks {

  private final SqlQueries sql;
  private final String table;
  private final String objectName;
  private final int sampleSize;
  private final List<CheckResult> results = new ArrayList<>();
  private Long rowCount;

  public QualityChecks(
      Connection connection,
      String schema,
      String table,
      String objectName,
      int timeoutSeconds,
      int sampleSize) {
    this.sql = new SqlQueries(connection, timeoutSeconds);
    this.table = SqlIdentifiers.table(schema, "servers.schema", table, "schema.physicalName");
    this.objectName = objectName;
    this.sampleSize = sampleSize;
  }

  public List<CheckResult> results() {
    return results;
  }

  /** Every quality rule of a contract's schema object: its own, then its properties'. */
  public void contractRules(JsonNode object) {
    for (JsonNode rule : object.path("quality")) {
      objectRule(rule);
    }
    for (JsonNode property : object.path("properties")) {
      for (JsonNode rule : property.path("quality")) {
        propertyRule(property.path("name").asText(), rule);
      }
    }
  }

  public void objectRule(JsonNode rule) {
    String metric = metric(rule);
    switch (metric) {
      case "rowCount" ->
          measure(rule, null, metric, new Query("SELECT count(*) FROM " + table), false);
      case "duplicateValues" -> {
        List<String> columns = new ArrayList<>();
        for (JsonNode column : rule.path("arguments").path("properties")) {
          columns.add(SqlIdentifiers.quoted(column.asText(), "arguments.properties"));
        }
        if (columns.isEmpty()) {
          skip(rule, null, metric, "a table-level duplicateValues rule lists arguments.properties");
          return;
        }
        measure(rule, null, metric, duplicates(String.join(", ", columns)), true);
      }
      case "sql" -> custom(rule, null);
      default -> skip(rule, null, metric, "metric " + metric + " applies to a property");
    }
  }

  public void propertyRule(String property, JsonNode rule) {
    String column = SqlIdentifiers.quoted(property, "schema.properties.name");
    String metric = metric(rule);
    JsonNode arguments = rule.path("arguments");
    switch (metric) {
      case "nullValues" -> measure(rule, property, metric, where(column + " IS NULL"), true);
      case "missingValues" ->
          measure(
              rule,
              property,
              metric,
              where(
                  column + " IS NULL OR " + column + "::text = ANY(?)",
                  (Object) texts(arguments.path("missingValues"))),
              true);
      case "invalidValues" -> {
        if (arguments.has("validValues")) {
          measure(
              rule,
              property,
              metric,
              where(
                  column + " IS NOT NULL AND NOT (" + column + "::text = ANY(?))",
                  (Object) texts(arguments.get("validValues"))),
              true);
        } else if (arguments.hasNonNull("pattern")) {
          measure(
              rule,
              property,
              metric,
              where(
                  column + " IS NOT NULL AND " + column + "::text !~ ?",
                  arguments.get("pattern").asText()),
              true);
        } else {
          skip(
              rule,
              property,
              metric,
              "invalidValues needs arguments.validValues or arguments.pattern");
        }
      }
      case "outOfRange" -> measure(rule, property, metric, outOfRange(column, arguments), true);
      case "duplicateValues" -> measure(rule, property, metric, duplicates(column), true);
      case "sql" -> custom(rule, property);
      default -> skip(rule, property, metric, "metric " + metric + " applies to the table");
    }
  }

  /**
   * Age of the newest row against a latency/freshness SLA, in seconds; returns the age measured
   * (null when the table is empty or the query failed).
   */
  public Double freshness(String property, double maxAgeSeconds, String slaText) {
    String column = SqlIdentifiers.quoted(property, "slaProperties.element");
    String query = "SELECT EXTRACT(EPOCH FROM (now() - max(" + column + ")))::float8 FROM " + table;
    try {
      Double age = sql.single(query, List.of());
      boolean ok = age != null && age <= maxAgeSeconds;
      results.add(
          new CheckResult(
              "freshness",
              objectName,
              property,
              "freshness",
              ok ? CheckResult.PASSED : CheckResult.FAILED,
              age,
              "seconds",
              "mustBeLessOrEqualTo: " + Threshold.plain(maxAgeSeconds) + " (" + slaText + ")",
              query,
              age == null
                  ? "the table has no rows"
                  : ok ? "fresh" : "the newest row is older than the SLA allows",
              List.of()));
      return age;
    } catch (SQLException e) {
      results.add(error("freshness", property, "freshness", query, e));
      return null;
    }
  }

  /** The table's row count (counted once per run). */
  public long rows() throws SQLException {
    if (rowCount == null) {
      Double count = sql.single("SELECT count(*) FROM " + table, List.of());
      rowCount = count == null ? 0 : count.longValue();
    }
    return rowCount;
  }

  /** A count query and, for row-level rules, the query that shows some of the rows it counts. */
  private record Query(String count, String sample, List<Object> parameters) {
    Query(String count) {
      this(count, null, List.of());
    }
  }

  private Query where(String condition, Object... parameters) {
    return new Query(
        "SELECT count(*) FROM " + table + " WHERE " + condition,
        "SELECT to_jsonb(t)::text FROM " + table + " t WHERE " + condition + " LIMIT ?",
        List.of(parameters));
  }

  /** Rows beyond the first of each value; NULLs are not values (a row of them is, in a tuple). */
  private Query duplicates(String columns) {
    String counted = columns.contains(",") ? "*" : columns;
    String distinct = columns.contains(",") ? "(" + columns + ")" : columns;
    return new Query(
        "SELECT count(" + counted + ") - count(DISTINCT " + distinct + ") FROM " + table,
        "SELECT json_build_object('values', json_build_array("
            + columns
            + "), 'rows', count(*))::text FROM "
            + table
            + " WHERE "
            + (columns.contains(",") ? "true" : columns + " IS NOT NULL")
            + " GROUP BY "
            + columns
            + " HAVING count(*) > 1 LIMIT ?",
        List.of());
  }

  private Query outOfRange(String column, JsonNode arguments) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (arguments.hasNonNull("min")) {
      conditions.add(column + " < ?");
      parameters.add(arguments.get("min").decimalValue());
    }
    if (arguments.hasNonNull("max")) {
      conditions.add(column + " > ?");
      parameters.add(arguments.get("max").decimalValue());
    }
    String condition = conditions.isEmpty() ? "false" : String.join(" OR ", conditions);
    return where(column + " IS NOT NULL AND (" + condition + ")", parameters.toArray());
  }

  private void custom(JsonNode rule, String property) {
    String column =
        property == null ? "" : SqlIdentifiers.quoted(property, "schema.properties.name");
    String query =
        rule.path("query")
            .asText()
            .replace("{object}", table)
            .replace("${table}", table)
            .replace("{property}", column)
            .replace("${column}", column);
    measure(rule, property, "sql", new Query(query), false);
  }

  private void measure(
      JsonNode rule, String property, String metric, Query query, boolean percentable) {
    String name = rule.path("name").asText(metric + (property == null ? "" : ":" + property));
    try {
      Double measured = sql.single(query.count(), query.parameters());
      if (metric.equals("rowCount") && measured != null) {
        rowCount = measured.longValue();
      }
      String unit = rule.path("unit").asText("rows");
      double failing = measured == null ? 0 : measured;
      if (percentable && "percent".equalsIgnoreCase(unit)) {
        long rows = rows();
        measured = rows == 0 ? 0.0 : failing * 100.0 / rows;
      }
      Threshold threshold = Threshold.of(rule);
      boolean passed = threshold.accepts(measured == null ? 0 : measured);
      List<JsonNode> sample =
          passed || query.sample() == null || failing == 0 || sampleSize == 0
              ? List.of()
              : sql.sample(query.sample(), query.parameters(), sampleSize);
      results.add(
          new CheckResult(
              name,
              objectName,
              property,
              metric,
              passed ? CheckResult.PASSED : failure(rule),
              measured,
              unit,
              threshold.toString(),
              query.count(),
              passed ? "ok" : "measured " + measured + " " + unit + ", expected " + threshold,
              sample));
    } catch (SQLException e) {
      results.add(error(name, property, metric, query.count(), e));
    }
  }

  private void skip(JsonNode rule, String property, String metric, String why) {
    results.add(
        new CheckResult(
            rule.path("name").asText(metric),
            objectName,
            property,
            metric,
            CheckResult.WARNING,
            null,
            null,
            null,
            null,
            "not run: " + why,
            List.of()));
  }

  private CheckResult error(
      String name, String property, String metric, String query, SQLException e) {
    return new CheckResult(
        name,
        objectName,
        property,
        metric,
        CheckResult.FAILED,
        null,
        null,
        null,
        query,
        SqlFailures.query(e),
        List.of());
  }

  private static String failure(JsonNode rule) {
    String severity = rule.path("severity").asText("error").toLowerCase(Locale.ROOT);
    return severity.equals("warning") || severity.equals("info")
        ? CheckResult.WARNING
        : CheckResult.FAILED;
  }

  private static String[] texts(JsonNode values) {
    List<String> texts = new ArrayList<>();
    for (JsonNode value : values) {
      if (!value.isNull()) {
        texts.add(value.asText());
      }
    }
    return texts.toArray(String[]::new);
  }

  private static String metric(JsonNode rule) {
    if ("sql".equals(rule.path("type").asText())) {
      return "sql";
    }
    String metric = rule.path("metric").asText(null);
    if (metric != null) {
      return metric;
    }
    // ODCS v3.0 names.
    String legacy = rule.path("rule").asText("unknown");
    return OdcsV30Forms.metricOf(legacy).orElse(legacy);
  }
}
