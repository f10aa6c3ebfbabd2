package io.meshwork.provisioning.grant;

import io.meshwork.provisioning.common.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GRANT and REVOKE on a dataset's table for a consumer's role. Every identifier is one the platform
 * checked when it made the table or the role, quoted again here; column names come from the table's
 * own catalog entry, never from the request alone.
 */
final class PostgresGrants {

  private PostgresGrants() {}

  /** {@code postgres://<database>/<schema>/<table>}. */
  record Table(String database, String schema, String table) {

    static Table parse(String uri) {
      String[] parts = uri.substring("postgres://".length()).split("/");
      if (parts.length != 3) {
        throw new IllegalArgumentException("not a table URI: " + uri);
      }
      return new Table(parts[0], parts[1], parts[2]);
    }

    String qualified() {
      return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }
  }

  /** The role exists and can log in; a new secret is set when {@code secret} is not null. */
  static void ensureRole(Connection c, String role, String secret) throws SQLException {
    requireIdentifier(role);
    boolean exists;
    try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      query.setString(1, role);
      try (ResultSet rows = query.executeQuery()) {
        exists = rows.next();
      }
    }
    try (Statement ddl = c.createStatement()) {
      if (!exists) {
        ddl.execute("CREATE ROLE " + Identifiers.quote(role) + " LOGIN");
      }
      if (secret != null) {
        // The secret is ours (random, URL-safe base64): it cannot end the literal.
        ddl.execute("ALTER ROLE " + Identifiers.quote(role) + " PASSWORD '" + safe(secret) + "'");
      }
    }
  }

  /**
   * The columns of {@code table} among {@code wanted} (all of them when {@code wanted} is empty).
   */
  static List<String> columns(Connection c, Table table, List<String> wanted) throws SQLException {
    List<String> found = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      query.setString(1, table.schema());
      query.setString(2, table.table());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String column = rows.getString(1);
          if (wanted.isEmpty() || wanted.contains(column)) {
            found.add(column);
          }
        }
      }
    }
    return found;
  }

  /** {@code SELECT} on the whole table, or on {@code columns} only; returns what was granted. */
  static String grant(Connection c, Table table, String role, List<String> columns, boolean whole)
      throws SQLException {
    requireIdentifier(role);
    String privileges =
        whole
            ? "SELECT"
            : "SELECT ("
                + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "))
                + ")";
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement ddl = c.createStatement()) {
      ddl.execute(
          "GRANT USAGE ON SCHEMA "
              + Identifiers.quote(table.schema())
              + " TO "
              + Identifiers.quote(role));
      ddl.execute(
          "GRANT " + privileges + " ON " + table.qualified() + " TO " + Identifiers.quote(role));
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return privileges.replace("\"", "");
  }

  /** Takes every privilege of {@code role} on the table back (column privileges included). */
  static void revoke(Connection c, Table table, String role) throws SQLException {
    requireIdentifier(role);
    try (Statement ddl = c.createStatement()) {
      ddl.execute("REVOKE ALL ON " + table.qualified() + " FROM " + Identifiers.quote(role));
    }
  }

  private static void requireIdentifier(String role) {
    if (Identifiers.problem(role) != null) {
      throw new IllegalArgumentException("not a role name the platform makes: " + role);
    }
  }

  private static String safe(String secret) {
    if (!secret.matches("^[A-Za-z0-9_-]{16,200}$")) {
      throw new IllegalArgumentException("not a generated secret");
    }
    return secret;
  }
}
