package io.meshwork.contracts.contract.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A quality check's statements: values bound (text arrays as arrays), each under a timeout. */
final class SqlQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final int timeoutSeconds;

  SqlQueries(Connection connection, int timeoutSeconds) {
    this.connection = connection;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The first column of the first row as a number; null for no row or SQL NULL. */
  Double single(String sql, List<Object> parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters)) {
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

  /** Up to {@code limit} rows of JSON text (the limit is the statement's last parameter). */
  List<JsonNode> sample(String sql, List<Object> parameters, int limit) throws SQLException {
    List<Object> bound = new ArrayList<>(parameters);
    bound.add(limit);
    List<JsonNode> rows = new ArrayList<>();
    try (PreparedStatement statement = prepare(sql, bound);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(JSON.readTree(result.getString(1)));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostgreSQL's JSON is not JSON", e);
    }
    return rows;
  }

  private PreparedStatement prepare(String sql, List<Object> parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
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
    return statement;
  }
}
