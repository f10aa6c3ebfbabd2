package io.meshwork.contracts.observability;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.contracts.contract.testing.SqlFailures;
import io.meshwork.contracts.contract.testing.SqlIdentifiers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The seed's source-versus-target reconciliation: row count and the sum of a column, for one batch
 * date, in a source dataset and in this one. Passes when both differences are zero. The source may
 * live in another database, so each side is its own query.
 */
final class Reconciliation {

  /** A database session on a dataset's database. */
  interface Sessions {
    Connection open(MonitoredDataset dataset) throws SQLException;
  }

  private record Side(long count, BigDecimal total, String sql) {}

  private Reconciliation() {}

  static CheckResult run(
      Expectation expectation,
      MonitoredDataset target,
      Connection targetConnection,
      MonitoredDataset source,
      Sessions sessions) {
    JsonNode a = expectation.arguments();
    if (source == null || !source.isTable()) {
      return Checked.notRun(
          expectation,
          target.id,
          "source " + a.path("source").asText() + " is not a provisioned PostgreSQL dataset");
    }
    String column = a.path("column").asText(null);
    String sourceColumn = a.path("source_column").asText(column);
    String dateColumn = a.path("date_column").asText(null);
    String sourceDate = a.path("source_date_column").asText(dateColumn);
    LocalDate batch = batchDate(a.path("batch_date").asText(null));
    try (Connection sourceConnection = sessions.open(source)) {
      Side from = side(sourceConnection, source, sourceColumn, sourceDate, batch);
      Side to = side(targetConnection, target, column, dateColumn, batch);
      long diffCount = from.count() - to.count();
      BigDecimal diffAmount = from.total().subtract(to.total());
      boolean passed = diffCount == 0 && diffAmount.signum() == 0;
      String message =
          "src_count "
              + from.count()
              + ", tgt_count "
              + to.count()
              + ", diff_count "
              + diffCount
              + (column == null ? "" : ", diff_amount " + diffAmount.toPlainString())
              + (batch == null ? "" : " for " + batch);
      return Checked.of(
          expectation,
          target.id,
          "reconciliation",
          passed,
          (double) Math.abs(diffCount),
          "rows",
          "diff_count = 0" + (column == null ? "" : " and diff_amount = 0"),
          from.sql() + "; " + to.sql(),
          passed ? "reconciled: " + message : message);
    } catch (SQLException e) {
      return Checked.notRun(expectation, target.id, SqlFailures.query(e));
    }
  }

  private static Side side(
      Connection connection,
      MonitoredDataset dataset,
      String column,
      String dateColumn,
      LocalDate batch)
      throws SQLException {
    String table = SqlIdentifiers.table(dataset.schema, "dataset", dataset.table, "dataset");
    String total =
        column == null ? "0" : "coalesce(sum(" + SqlIdentifiers.quoted(column, "column") + "), 0)";
    String sql =
        "SELECT count(*), "
            + total
            + "::numeric FROM "
            + table
            + (batch == null
                ? ""
                : " WHERE " + SqlIdentifiers.quoted(dateColumn, "date_column") + " = ?");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (batch != null) {
        statement.setDate(1, Date.valueOf(batch));
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return new Side(result.getLong(1), result.getBigDecimal(2), sql);
      }
    }
  }

  private static LocalDate batchDate(String text) {
    if (text == null) {
      return null;
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return switch (text) {
      case "today" -> today;
      case "yesterday" -> today.minusDays(1);
      default -> LocalDate.parse(text);
    };
  }
}
