package io.meshwork.lineage.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Column-wise values, bound as one array parameter per column: the rows of a set-based statement
 * ({@link WriteStatements}), however many there are, cost one parameter per column.
 */
final class ArrayRows {
  private final List<List<Object>> columns = new ArrayList<>();

  ArrayRows(int width) {
    for (int i = 0; i < width; i++) {
      columns.add(new ArrayList<>());
    }
  }

  void add(Object... values) {
    for (int i = 0; i < values.length; i++) {
      columns.get(i).add(values[i]);
    }
  }

  boolean isEmpty() {
    return columns.get(0).isEmpty();
  }

  /**
   * Binds column i as an array of {@code types[i]} (or of types[0] for all if one given) from
   * parameter {@code first} on; returns the next free parameter index.
   */
  int bind(Connection connection, PreparedStatement statement, int first, String... types)
      throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      String type = types.length == 1 ? types[0] : types[i];
      Object[] values =
          "bigint".equals(type)
              ? columns.get(i).toArray(new Long[0])
              : columns.get(i).toArray(new String[0]);
      statement.setArray(first + i, connection.createArrayOf(type, values));
    }
    return first + columns.size();
  }
}
