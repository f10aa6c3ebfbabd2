package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.contracts.contract.testing.SqlFailures;
import io.meshwork.contracts.contract.testing.SqlIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Relationships: every value of a column is found in a column of another dataset (a foreign key the
 * warehouse does not enforce). Both tables must live in the same database, where one query can join
 * them.
 */
final class References {

  private References() {}

  static CheckResult run(
      Expectation expectation,
      MonitoredDataset dataset,
      Connection connection,
      MonitoredDataset referenced) {
    JsonNode a = expectation.arguments();
    if (referenced == null || !referenced.isTable()) {
      return Checked.notRun(
          expectation,
          dataset.id,
          a.path("dataset").asText() + " is not a provisioned PostgreSQL dataset");
    }
    if (!referenced.database.equals(dataset.database)) {
      return Checked.notRun(
          expectation, dataset.id, a.path("dataset").asText() + " is in another database");
    }
    String column = SqlIdentifiers.quoted(a.path("column").asText(), "column");
    String target =
        SqlIdentifiers.quoted(
            a.path("reference_column").asText(a.path("column").asText()), "reference_column");
    String sql =
        "SELECT count(*) FROM "
            + table(dataset)
            + " t WHERE t."
            + column
            + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
            + table(referenced)
            + " r WHERE r."
            + target
            + " = t."
            + column
            + ")";
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      long orphans = result.getLong(1);
      return Checked.of(
          expectation,
          dataset.id,
          "relationship",
          orphans == 0,
          (double) orphans,
          "rows",
          "mustBe: 0",
          sql,
          orphans == 0 ? "ok" : orphans + " rows have a value not found in " + referenced.id);
    } catch (SQLException e) {
      return Checked.notRun(expectation, dataset.id, SqlFailures.query(e));
    }
  }

  private static String table(MonitoredDataset dataset) {
    return SqlIdentifiers.table(dataset.schema, "dataset", dataset.table, "dataset");
  }
}
