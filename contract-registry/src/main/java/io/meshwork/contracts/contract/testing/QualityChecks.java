package io.meshwork.contracts.contract.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.contract.document.OdcsV30Forms;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a contract's quality rules on one PostgreSQL table as read-only SQL: nullValues,
 * missingValues, invalidValues (allowed values or pattern), duplicateValues (one column or a
 * combination), rowCount, freshness (from a latency/freshness SLA) and {@code type: sql} rules.
 * Identifiers are validated and quoted, values bound; the connection is read-only.
 */
final class QualityChecks {

  private final Connection connection;
  private final String table;
  private final String objectName;
  private final int timeoutSeconds;
  private final List<CheckResult> results = new ArrayList<>();
  private Long rowCount;

  QualityChecks(
      Connection connection, String schema, String table, String objectName, int timeoutSeconds) {
    this.connection = connection;
    this.table =
        SqlIdentifiers.quoted(schema, "servers.schema")
            + "."
            + SqlIdentifiers.quoted(table, "schema.physicalName");
    this.objectName = objectName;
    this.timeoutSeconds = timeoutSeconds;
  }

  List<CheckResult> results() {
    return results;
  }

  void objectRule(JsonNode rule) {
    String metric = metric(rule);
    switch (metric) {
      case "rowCount" ->
          measure(rule, null, metric, "SELECT count(*) FROM " + table, List.of(), false);
      case "duplicateValues" -> {
        List<String> columns = new ArrayList<>();
        for (JsonNode column : rule.path("arguments").path("properties")) {
          columns.add(SqlIdentifiers.quoted(column.asText(), "arguments.properties"));
        }
        if (columns.isEmpty()) {
          skip(rule, null, metric, "a table-level duplicateValues rule lists arguments.properties");
          return;
        }
        String tuple =
            columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
        measure(
            rule,
            null,
            metric,
            "SELECT count(*) - count(DISTINCT " + tuple + ") FROM " + table,
            List.of(),
            true);
      }
      case "sql" -> custom(rule, null);
      default -> skip(rule, null, metric, "metric " + metric + " applies to a property");
    }
  }

  void propertyRule(String property, JsonNode rule) {
    String column = SqlIdentifiers.quoted(property, "schema.properties.name");
    String metric = metric(rule);
    JsonNode arguments = rule.path("arguments");
    switch (metric) {
      case "nullValues" ->
          measure(
              rule,
              property,
              metric,
              "SELECT count(*) FROM " + table + " WHERE " + column + " IS NULL",
              List.of(),
              true);
      case "missingValues" ->
          measure(
              rule,
              property,
              metric,
              "SELECT count(*) FROM "
                  + table
                  + " WHERE "
                  + column
                  + " IS NULL OR "
                  + column
                  + "::text = ANY(?)",
              List.<Object>of((Object) texts(arguments.path("missingValues"))),
              true);
      case "invalidValues" -> {
        if (arguments.has("validValues")) {
          measure(
              rule,
              property,
              metric,
              "SELECT count(*) FROM "
                  + table
                  + " WHERE "
                  + column
                  + " IS NOT NULL AND NOT ("
                  + column
                  + "::text = ANY(?))",
              List.<Object>of((Object) texts(arguments.get("validValues"))),
              true);
        } else if (arguments.hasNonNull("pattern")) {
          measure(
              rule,
              property,
              metric,
              "SELECT count(*) FROM "
                  + table
                  + " WHERE "
                  + column
                  + " IS NOT NULL AND "
                  + column
                  + "::text !~ ?",
              List.of(arguments.get("pattern").asText()),
              true);
        } else {
          skip(
              rule,
              property,
              metric,
              "invalidValues needs arguments.validValues or arguments.pattern");
        }
      }
      case "duplicateValues" ->
          measure(
              rule,
              property,
              metric,
              "SELECT count(" + column + ") - count(DISTINCT " + column + ") FROM " + table,
              List.of(),
              true);
      case "sql" -> custom(rule, property);
      default -> skip(rule, property, metric, "metric " + metric + " applies to the table");
    }
  }

  /** Age of the newest row against a latency/freshness SLA, in seconds. */
  void freshness(String property, double maxAgeSeconds, String slaText) {
    String column = SqlIdentifiers.quoted(property, "slaProperties.element");
    String sql = "SELECT EXTRACT(EPOCH FROM (now() - max(" + column + ")))::float8 FROM " + table;
    try {
      Double age = single(sql, List.of());
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
              "mustBeLessOrEqualTo: " + maxAgeSeconds + " (" + slaText + ")",
              sql,
              age == null
                  ? "the table has no rows"
                  : ok ? "fresh" : "the newest row is older than the SLA allows"));
    } catch (SQLException e) {
      results.add(error("freshness", property, "freshness", sql, e));
    }
  }

  private void custom(JsonNode rule, String property) {
    String query = rule.path("query").asText();
    String sql =
        query
            .replace("{object}", table)
            .replace("${table}", table)
            .replace(
                "{property}",
                property == null ? "" : SqlIdentifiers.quoted(property, "schema.properties.name"))
            .replace(
                "${column}",
                property == null ? "" : SqlIdentifiers.quoted(property, "schema.properties.name"));
    measure(rule, property, "sql", sql, List.of(), false);
  }

  private void measure(
      JsonNode rule,
      String property,
      String metric,
      String sql,
      List<Object> parameters,
      boolean percentable) {
    String name = rule.path("name").asText(metric + (property == null ? "" : ":" + property));
    try {
      Double measured = single(sql, parameters);
      String unit = rule.path("unit").asText("rows");
      if (percentable && "percent".equalsIgnoreCase(unit)) {
        long rows = rows();
        measured = rows == 0 ? 0.0 : measured * 100.0 / rows;
      }
      Threshold threshold = Threshold.of(rule);
      boolean passed = threshold.accepts(measured == null ? 0 : measured);
      String status = passed ? CheckResult.PASSED : failure(rule);
      results.add(
          new CheckResult(
              name,
              objectName,
              property,
              metric,
              status,
              measured,
              unit,
              threshold.toString(),
              sql,
              passed ? "ok" : "measured " + measured + " " + unit + ", expected " + threshold));
    } catch (SQLException e) {
      results.add(error(name, property, metric, sql, e));
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
            "not run: " + why));
  }

  private CheckResult error(
      String name, String property, String metric, String sql, SQLException e) {
    return new CheckResult(
        name,
        objectName,
        property,
        metric,
        CheckResult.FAILED,
        null,
        null,
        null,
        sql,
        SqlFailures.query(e));
  }

  private static String failure(JsonNode rule) {
    String severity = rule.path("severity").asText("error").toLowerCase(Locale.ROOT);
    return severity.equals("warning") || severity.equals("info")
        ? CheckResult.WARNING
        : CheckResult.FAILED;
  }

  private long rows() throws SQLException {
    if (rowCount == null) {
      Double count = single("SELECT count(*) FROM " + table, List.of());
      rowCount = count == null ? 0 : count.longValue();
    }
    return rowCount;
  }

  private Double single(String sql, List<Object> parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(timeoutSeconds);
      for (int i = 0; i < parameters.size(); i++) {
        Object parameter = parameters.get(i);
        if (parameter instanceof String[] array) {
          Array sqlArray = connection.createArrayOf("text", array);
          statement.setArray(i + 1, sqlArray);
        } else {
          statement.setObject(i + 1, parameter);
        }
      }
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return null;
        }
        Object value = result.getObject(1);
        return value == null ? null : ((Number) value).doubleValue();
      }
    } catch (ClassCastException e) {
      throw new SqlFailures.NotANumberException();
    }
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
