package io.meshwork.governance.warehouse;

import io.meshwork.governance.config.GovernanceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the non-null values of columns in a provisioned table, read-only and bounded by a
 * statement timeout. Names come from provisioning's resource URIs ({@code
 * postgres://<database>/<schema>/<table>}); each is checked against PostgreSQL's identifier rules
 * and quoted, and the columns must exist in the table's catalog entry, so no caller's text reaches
 * SQL unchecked.
 */
@ApplicationScoped
public class TableCompleteness {

  private static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
  private static final Pattern TABLE_URI = Pattern.compile("^postgres://([^/]+)/([^/]+)/([^/]+)$");

  /** {@code nonNull} per column of {@code rows} rows in {@code table} ({@code db.schema.table}). */
  public record Counts(String table, long rows, Map<String, Long> nonNull) {}

  private final GovernanceConfig.Warehouse config;

  public TableCompleteness(GovernanceConfig config) {
    this.config = config.warehouse();
  }

  /**
   * The counts of {@code columns} that the table at {@code uri} has; empty when the URI is no table
   * of this warehouse or it has none of the columns.
   */
  public Optional<Counts> count(String uri, Collection<String> columns) throws SQLException {
    Matcher table = TABLE_URI.matcher(uri);
    if (!table.matches()) {
      return Optional.empty();
    }
    String database = table.group(1);
    String schema = table.group(2);
    String name = table.group(3);
    if (!IDENTIFIER.matcher(database).matches()
        || !IDENTIFIER.matcher(schema).matches()
        || !IDENTIFIER.matcher(name).matches()) {
      return Optional.empty();
    }
    try (Connection connection = connect(database)) {
      List<String> present = presentColumns(connection, schema, name, columns);
      if (present.isEmpty()) {
        return Optional.empty();
      }
      StringBuilder sql = new StringBuilder("SELECT count(*)");
      for (String column : present) {
        sql.append(", count(").append(quote(column)).append(')');
      }
      sql.append(" FROM ").append(quote(schema)).append('.').append(quote(name));
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(sql.toString())) {
        row.next();
        Map<String, Long> nonNull = new LinkedHashMap<>();
        for (int i = 0; i < present.size(); i++) {
          nonNull.put(present.get(i), row.getLong(i + 2));
        }
        return Optional.of(
            new Counts(database + "." + schema + "." + name, row.getLong(1), nonNull));
      }
    }
  }

  private static List<String> presentColumns(
      Connection connection, String schema, String table, Collection<String> wanted)
      throws SQLException {
    List<String> present = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      statement.setString(1, schema);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String column = rows.getString(1);
          if (wanted.contains(column) && IDENTIFIER.matcher(column).matches()) {
            present.add(column);
          }
        }
      }
    }
    return present;
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", config.username());
    config.password().ifPresent(password -> properties.setProperty("password", password));
    properties.setProperty("readOnly", "true");
    properties.setProperty("readOnlyMode", "always");
    properties.setProperty("connectTimeout", "5");
    Connection connection = DriverManager.getConnection(withDatabase(database), properties);
    connection.setReadOnly(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      statement.execute("SET statement_timeout = " + config.queryTimeout().toMillis());
    }
    return connection;
  }

  /** The server URL with {@code database} as its path, keeping host, port and parameters. */
  String withDatabase(String database) {
    URI server = URI.create(config.serverUrl().substring("jdbc:".length()));
    String query = server.getRawQuery() == null ? "" : "?" + server.getRawQuery();
    return "jdbc:postgresql://" + server.getRawAuthority() + "/" + database + query;
  }

  private static String quote(String identifier) {
    return '"' + identifier + '"';
  }
}
