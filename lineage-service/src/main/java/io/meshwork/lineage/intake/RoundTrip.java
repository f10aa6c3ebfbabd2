package io.meshwork.lineage.intake;

import io.meshwork.lineage.graph.GraphRows.RowReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements that go to the server together: queued, then sent as one multi-statement prepared
 * statement, so a stage of the write costs one round trip however many statements it holds. They
 * run in the order queued, and their results are read in that order.
 */
final class RoundTrip {

  /** A statement waiting to be sent with the others of its stage. */
  private record Step(String sql, ArrayRows rows, String[] types, RowReader reader) {}

  private final Connection connection;
  private final List<Step> steps = new ArrayList<>();

  RoundTrip(Connection connection) {
    this.connection = connection;
  }

  /** Queues a statement for the next {@link #send()}; nothing to write, nothing sent. */
  void queue(ArrayRows rows, String sql, RowReader reader, String... types) {
    if (!rows.isEmpty()) {
      steps.add(new Step(sql, rows, types, reader));
    }
  }

  /** Sends the waiting statements in one round trip and reads their results in order. */
  void send() throws SQLException {
    if (steps.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder();
    for (Step step : steps) {
      sql.append(sql.isEmpty() ? "" : ";\n").append(step.sql());
    }
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int index = 1;
      for (Step step : steps) {
        index = step.rows().bind(connection, statement, index, step.types());
      }
      boolean resultSet = statement.execute();
      for (Step step : steps) {
        if (resultSet) {
          try (ResultSet row = statement.getResultSet()) {
            while (row.next()) {
              step.reader().read(row);
            }
          }
        }
        resultSet = statement.getMoreResults();
      }
    } finally {
      steps.clear();
    }
  }
}
