package io.meshwork.testing;

import io.meshwork.infra.InfraState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Gives each module's test run a database of its own on the shared test PostgreSQL. */
public final class TestDatabases {

  private static final Pattern SAFE_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

  private TestDatabases() {}

  public static String jdbcUrl(InfraState state, String database) {
    return "jdbc:postgresql://"
        + state.require("postgres.host")
        + ":"
        + state.require("postgres.port")
        + "/"
        + database;
  }

  public static String create(InfraState state, String database) {
    requireSafe(database);
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl(state, "postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + database, e);
    }
    return jdbcUrl(state, database);
  }

  public static void drop(InfraState state, String database) {
    requireSafe(database);
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl(state, "postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop test database " + database, e);
    }
  }

  private static void requireSafe(String database) {
    if (!SAFE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Unsafe database name " + database);
    }
  }
}
