package io.meshwork.contracts.observability;

import io.meshwork.contracts.contract.testing.CheckResult;
import io.meshwork.contracts.contract.testing.SqlFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Schema checks of a table: a column exists, the columns match a set, or they match the schema the
 * dataset was registered with (drift: columns added or removed since). Names compare as PostgreSQL
 * folds them, lower case.
 */
final class TableShape {

  static final String COLUMNS_SQL =
      "SELECT column_name FROM information_schema.columns"
          + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";

  private final Connection connection;
  private final MonitoredDataset dataset;
  private Set<String> columns;

  TableShape(Connection connection, MonitoredDataset dataset) {
    this.connection = connection;
    this.dataset = dataset;
  }

  CheckResult columnExists(Expectation expectation) {
    String column = expectation.arguments().path("column").asText().toLowerCase(Locale.ROOT);
    try {
      boolean found = columns().contains(column);
      return Checked.of(
          expectation,
          dataset.id,
          "columnExists",
          found,
          null,
          null,
          "column " + column,
          COLUMNS_SQL,
          found ? "ok" : "the table has no column " + column);
    } catch (SQLException e) {
      return Checked.notRun(expectation, dataset.id, SqlFailures.query(e));
    }
  }

  /** Drift against {@code expected}; {@code exact} also refuses columns beyond it. */
  CheckResult matches(Expectation expectation, List<String> expected, boolean exact, String what) {
    try {
      Set<String> wanted = new LinkedHashSet<>();
      expected.forEach(name -> wanted.add(name.toLowerCase(Locale.ROOT)));
      List<String> missing = new ArrayList<>(wanted);
      missing.removeAll(columns());
      List<String> added = new ArrayList<>(columns());
      added.removeAll(wanted);
      boolean passed = missing.isEmpty() && (!exact || added.isEmpty());
      String message =
          passed
              ? "ok"
              : "against "
                  + what
                  + ": "
                  + (missing.isEmpty() ? "" : "removed " + missing)
                  + (!missing.isEmpty() && !added.isEmpty() ? ", " : "")
                  + (added.isEmpty() ? "" : "added " + added);
      return Checked.of(
          expectation,
          dataset.id,
          "schemaDrift",
          passed,
          (double) (missing.size() + (exact ? added.size() : 0)),
          "columns",
          (exact ? "exactly " : "at least ") + wanted,
          COLUMNS_SQL,
          message);
    } catch (SQLException e) {
      return Checked.notRun(expectation, dataset.id, SqlFailures.query(e));
    }
  }

  private Set<String> columns() throws SQLException {
    if (columns == null) {
      Set<String> found = new LinkedHashSet<>();
      try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
        statement.setString(1, dataset.schema);
        statement.setString(2, dataset.table);
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            found.add(result.getString(1).toLowerCase(Locale.ROOT));
          }
        }
      }
      columns = found;
    }
    return columns;
  }
}
