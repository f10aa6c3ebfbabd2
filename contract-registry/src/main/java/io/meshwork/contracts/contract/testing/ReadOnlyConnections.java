package io.meshwork.contracts.contract.testing;

import io.meshwork.contracts.config.ContractsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Sessions for quality checks: the test login, read-only at the driver and in the session, each
 * statement under the configured timeout. Contract tests and quality suites use the same.
 */
@ApplicationScoped
public class ReadOnlyConnections {

  private final ContractsConfig config;

  public ReadOnlyConnections(ContractsConfig config) {
    this.config = config;
  }

  /** A session on {@code database} of the server at {@code host:port}. */
  public Connection open(String host, int port, String database) throws SQLException {
    return open("jdbc:postgresql://" + host + ":" + port + "/" + database);
  }

  public Connection open(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", config.quality().username());
    config.quality().password().ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("readOnly", "true");
    properties.setProperty("readOnlyMode", "always");
    properties.setProperty("connectTimeout", "5");
    Connection connection = DriverManager.getConnection(url, properties);
    connection.setReadOnly(true);
    try (Statement statement = connection.createStatement()) {
      // Belt and braces: whatever a rule's SQL says, every transaction of this session is
      // read-only (each check runs in its own, so one failing query does not abort the rest).
      statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      statement.execute("SET statement_timeout = " + config.quality().queryTimeout().toMillis());
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  public int timeoutSeconds() {
    return (int) Math.max(1, config.quality().queryTimeout().toSeconds());
  }

  public int sampleSize() {
    return config.quality().sampleSize();
  }
}
